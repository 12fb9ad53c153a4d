// Aho–Corasick automaton compiled to a dense DFA. One pass over the input finds every occurrence of
// any of thousands of literals in linear time, whatever their number; that is what lets the engine test
// all rule prefilters at once, both over raw chunk bytes (line reader) and over a decoded line
// (rule matcher).
//
// Symbols are bytes (0-255) or, for decoded text, UTF-16 code units folded into the same 256 slots
// (`c & 0xff` for c >= 256). Folding can only add false candidates, which the rules' regexes reject.

export interface LiteralAutomaton {
  /** Transition table: next = delta[state * 256 + symbol]. */
  readonly delta: Uint16Array | Uint32Array;
  /** States >= acceptFrom accept (some literal ends there). */
  readonly acceptFrom: number;
  /** For accepting states: ids of all literals ending there (directly or via failure links). */
  readonly outputs: readonly (readonly number[])[];
  /** The state after a newline: scans start every line in it, so literals may begin with "\n". */
  readonly lineStart: number;
}

export function symbolsOf(literal: string, bytes: boolean): number[] {
  if (bytes) return [...Buffer.from(literal, "utf8")];
  return Array.from({ length: literal.length }, (_, i) => literal.charCodeAt(i) & 0xff);
}

/** Builds the DFA; literal i gets id i. `bytes` chooses UTF-8 bytes or folded UTF-16 units as symbols. */
export function buildAutomaton(literals: readonly string[], bytes: boolean): LiteralAutomaton {
  const children: Map<number, number>[] = [new Map()];
  const out: number[][] = [[]];
  literals.forEach((lit, id) => {
    let s = 0;
    for (const sym of symbolsOf(lit, bytes)) {
      let next = children[s].get(sym);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        out.push([]);
        children[s].set(sym, next);
      }
      s = next;
    }
    out[s].push(id);
  });
  const n = children.length;
  const fail = new Int32Array(n);
  const raw = new Int32Array(n * 256);
  const order: number[] = [];
  for (let c = 0; c < 256; c++) {
    const next = children[0].get(c) ?? 0;
    raw[c] = next;
    if (next) order.push(next);
  }
  for (let qi = 0; qi < order.length; qi++) {
    const s = order[qi];
    out[s] = [...out[s], ...out[fail[s]]];
    for (let c = 0; c < 256; c++) {
      const next = children[s].get(c);
      if (next !== undefined) {
        fail[next] = raw[fail[s] * 256 + c];
        raw[s * 256 + c] = next;
        order.push(next);
      } else raw[s * 256 + c] = raw[fail[s] * 256 + c];
    }
  }
  // Renumber so that accepting states come last: the hot loop then tests `state >= acceptFrom`.
  const ids = [...Array(n).keys()].sort((a, b) => Number(out[a].length > 0) - Number(out[b].length > 0) || a - b);
  const renum = new Int32Array(n);
  ids.forEach((old, i) => (renum[old] = i));
  const delta = n < 65536 ? new Uint16Array(n * 256) : new Uint32Array(n * 256);
  for (let s = 0; s < n; s++) for (let c = 0; c < 256; c++) delta[renum[s] * 256 + c] = renum[raw[s * 256 + c]];
  const acceptFrom = ids.findIndex((old) => out[old].length > 0);
  return {
    delta,
    acceptFrom: acceptFrom < 0 ? n : acceptFrom,
    outputs: ids.map((old) => out[old]),
    lineStart: delta[10],
  };
}

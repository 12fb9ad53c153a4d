// Applies the rule table to one line: literal prefilter, then the rule's regex on the bounded text,
// then field extraction. The first rule that yields an event wins.
import { buildAutomaton, type LiteralAutomaton } from "../rules/literal-automaton";
import type { Fields, Rule, RuleContext } from "../rules/rule";
import type { EventClass, FieldValue } from "../types";

/** Characters of a line the regexes see: errors are stated up front; this bounds per-line work. */
export const MATCH_CHARS = 4096;

const NUMERIC_FIELDS = new Set(["status", "port", "lineno", "col", "exit_code", "failed", "pid", "number", "curl_code"]);

export interface RuleMatch {
  rule: Rule;
  fields: Fields;
  /** Set for single-line rules (class and post are resolved at once); multi-line ones resolve later. */
  cls?: EventClass;
}

interface CompiledRules {
  automaton: LiteralAutomaton;
  stateRules: number[][];
}

// Building the automaton costs ~15 ms and rule tables are module constants: compile each table once
// per process instead of once per analysis (small uploads were dominated by it).
const compiled = new WeakMap<readonly Rule[], CompiledRules>();

function compile(rules: readonly Rule[]): CompiledRules {
  const cached = compiled.get(rules);
  if (cached) return cached;
  const literals = [...new Set(rules.flatMap((r) => r.literals))];
  const rulesOfLiteral = literals.map((lit) => rules.flatMap((r, i) => (r.literals.includes(lit) ? [i] : [])));
  const automaton = buildAutomaton(literals, false);
  const stateRules = automaton.outputs.map((ids) => [...new Set(ids.flatMap((id) => rulesOfLiteral[id]))]);
  const made = { automaton, stateRules };
  compiled.set(rules, made);
  return made;
}

export class RuleMatcher {
  /** Candidate flags per rule for the current line. */
  private readonly marks: Uint8Array;
  /** All rule literals in one automaton; per accepting state, the rules whose literal ends there. */
  private readonly automaton: LiteralAutomaton;
  private readonly stateRules: number[][];

  constructor(
    readonly rules: readonly Rule[],
    private readonly ctx: RuleContext,
  ) {
    this.marks = new Uint8Array(rules.length);
    ({ automaton: this.automaton, stateRules: this.stateRules } = compile(rules));
  }

  /** Flags the rules whose prefilter literal occurs in text; false when none does. */
  private markCandidates(text: string): boolean {
    const { delta, acceptFrom } = this.automaton;
    const marks = this.marks;
    marks.fill(0);
    let any = false;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = delta[(state << 8) | (text.charCodeAt(i) & 0xff)];
      if (state >= acceptFrom) {
        any = true;
        for (const r of this.stateRules[state]) marks[r] = 1;
      }
    }
    return any;
  }

  /** Returns the match, `null` when no rule applies, or `"benign"` when a rule recognised a harmless line. */
  match(lineText: string): RuleMatch | null | "benign" {
    const text = lineText.length > MATCH_CHARS ? lineText.slice(0, MATCH_CHARS) : lineText;
    if (!this.markCandidates(text)) return null;
    const marks = this.marks;
    for (let i = 0; i < this.rules.length; i++) {
      if (!marks[i]) continue;
      const rule = this.rules[i];
      const m = rule.pattern.exec(text);
      if (!m) continue;
      const fields = collectFields(rule, m.groups, text);
      if (rule.continuation) return { rule, fields };
      if (rule.post && rule.post(fields, this.ctx) === false) return "benign";
      const cls = typeof rule.class === "function" ? rule.class(fields, text) : rule.class;
      if (cls) return { rule, fields, cls };
    }
    return null;
  }
}

function collectFields(rule: Rule, groups: Record<string, string | undefined> | undefined, text: string): Fields {
  const fields: Fields = { ...rule.fields };
  addGroups(fields, groups);
  for (const re of rule.extract ?? []) {
    const m = re.exec(text);
    if (m) addGroups(fields, m.groups);
  }
  return fields;
}

/** Adds named groups that matched, without overwriting fields already known (first value wins). */
export function addGroups(fields: Fields, groups: Record<string, string | undefined> | undefined): void {
  if (!groups) return;
  for (const k in groups) {
    const v = groups[k];
    if (v === undefined || fields[k] !== undefined) continue;
    fields[k] = toValue(k, v);
  }
}

function toValue(key: string, v: string): FieldValue {
  return NUMERIC_FIELDS.has(key) && /^-?\d+$/.test(v) ? Number(v) : v;
}

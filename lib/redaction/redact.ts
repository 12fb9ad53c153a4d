// Masks secrets in log text: `redactLine` for one line (event messages, field values), `redactFields`
// for an event's fields, and `createRedactor` for a file read line by line, which also masks the body
// lines of multi-line private key blocks. Pure: no I/O, no framework.
//
// A secret becomes `[REDACTED:<kind>]`, after the token's public prefix when it has one
// (`ghp_****[REDACTED:github-token]`), so readers still see what leaked and where. Lines may carry
// ANSI escapes (the log viewer keeps colours): secrets are found in the visible text, escapes around
// and inside a masked range are kept, and hyperlink targets (OSC 8) are redacted too.
import { detectSecrets, isSensitiveKey, mergeFindings, PEM_END, sensitiveKeyKind, type Finding, type SecretKind } from "./detectors";

export type { SecretKind } from "./detectors";

/** Lines after a `BEGIN … PRIVATE KEY` line that are masked while no END line comes (a 16k-bit RSA key is ~200). */
export const MAX_PRIVATE_KEY_LINES = 300;

export function mask(kind: SecretKind, prefix = ""): string {
  return `${prefix}${prefix ? "****" : ""}[REDACTED:${kind}]`;
}

// CSI (colours, cursor), OSC (titles, hyperlinks) up to BEL/ST, 8-bit CSI, and two-byte escapes.
const ESCAPE = /\x1b\[[0-9;:?<=>]{0,64}[ -/]{0,4}[@-~]|\x1b\][^\x07\x1b]{0,8192}(?:\x07|\x1b\\)?|\x9b[0-9;?]{0,64}[@-~]|\x1b[@-Z\\-_]/g;
const OSC = /^(\x1b\])([^\x07\x1b]*)(\x07|\x1b\\)?$/;
// A CI runner's timestamp in front of each line is kept when a whole line is masked.
const CI_PREFIX = /^\s*(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?Z\s)?\s*/;

interface LineResult {
  text: string;
  openPrivateKey: boolean;
}

/** Replaces the finding ranges of `visible` text; `pieces` interleave visible text and escapes. */
function apply(visible: string, findings: Finding[]): string {
  let out = "";
  let at = 0;
  for (const f of findings) {
    out += visible.slice(at, f.start) + mask(f.kind, visible.slice(f.start, f.start + f.keep));
    at = f.end;
  }
  return out + visible.slice(at);
}

/**
 * The same replacement for a line with escapes: ranges index the visible text, which `pieces`
 * interleave with the escapes. Escapes are kept where they are (colours stay balanced), each masked
 * range is written where it starts.
 */
function applyAround(pieces: Piece[], visible: string, findings: Finding[]): string {
  let out = "";
  let pos = 0;
  let fi = 0;
  for (const p of pieces) {
    if (p.escape) {
      out += redactEscape(p.text);
      continue;
    }
    for (let v = pos; v < pos + p.text.length; ) {
      while (fi < findings.length && v >= findings[fi].end) fi++;
      const f = findings[fi];
      if (!f || f.start >= pos + p.text.length) {
        out += visible.slice(v, pos + p.text.length);
        break;
      }
      if (v < f.start) {
        out += visible.slice(v, f.start);
        v = f.start;
      }
      if (v === f.start) out += mask(f.kind, visible.slice(f.start, f.start + f.keep));
      v = Math.min(f.end, pos + p.text.length);
    }
    pos += p.text.length;
  }
  return out;
}

/** A hyperlink target or window title could carry a credential URL: redact the OSC payload. */
function redactEscape(esc: string): string {
  const m = OSC.exec(esc);
  if (!m) return esc;
  const { findings } = detectSecrets(m[2]);
  return findings.length ? m[1] + apply(m[2], findings) + (m[3] ?? "") : esc;
}

interface Piece {
  text: string;
  escape: boolean;
}

function split(text: string): { pieces: Piece[]; visible: string } {
  const pieces: Piece[] = [];
  let visible = "";
  let last = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(text); m; m = ESCAPE.exec(text)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), escape: false });
    visible += text.slice(last, m.index);
    pieces.push({ text: m[0], escape: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), escape: false });
  visible += text.slice(last);
  return { pieces, visible };
}

function redactOne(text: string, inPrivateKey: boolean): LineResult {
  const hasEscape = text.includes("\x1b") || text.includes("\x9b");
  const { pieces, visible } = hasEscape ? split(text) : { pieces: null, visible: text };
  let findings: Finding[];
  let openPrivateKey = false;
  if (inPrivateKey) {
    // Inside a key block: everything up to the END line's marker is key material.
    const from = CI_PREFIX.exec(visible)?.[0].length ?? 0;
    PEM_END.lastIndex = 0;
    const end = PEM_END.exec(visible);
    const upTo = end ? end.index : visible.length;
    const head: Finding[] = upTo > from ? [{ start: from, end: upTo, kind: "private-key", keep: 0 }] : [];
    if (end) {
      const rest = detectSecrets(visible.slice(upTo));
      openPrivateKey = rest.openPrivateKey;
      findings = mergeFindings([...head, ...rest.findings.map((f) => ({ ...f, start: f.start + upTo, end: f.end + upTo }))]);
    } else {
      findings = head;
      openPrivateKey = true;
    }
  } else {
    const r = detectSecrets(visible);
    findings = r.findings;
    openPrivateKey = r.openPrivateKey;
  }
  if (!pieces) return { text: findings.length ? apply(visible, findings) : text, openPrivateKey };
  if (findings.length === 0 && !text.includes("\x1b]")) return { text, openPrivateKey };
  return { text: applyAround(pieces, visible, findings), openPrivateKey };
}

/** One line with its secrets masked. A private key block that starts here is masked to the line end. */
export function redactLine(text: string): string {
  return redactOne(text, false).text;
}

/** An event's fields: string values redacted, and any value under a secret-looking name masked whole. */
export function redactFields<T extends Record<string, string | number>>(fields: T): T {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (isSensitiveKey(k) && v !== "" && !(typeof v === "string" && v.startsWith("[REDACTED:"))) out[k] = mask(sensitiveKeyKind(k));
    else out[k] = typeof v === "string" ? redactLine(v) : v;
  }
  return out as T;
}

export interface Redactor {
  /** The next line of the file, redacted. Lines must be given in order, without their newline. */
  line(text: string): string;
  /** Inside a private key block (its BEGIN line seen, its END line not yet). */
  readonly inPrivateKey: boolean;
}

/**
 * A redactor for consecutive lines of one file: private key blocks spanning lines are masked from
 * their BEGIN line to their END line (at most MAX_PRIVATE_KEY_LINES lines).
 */
export function createRedactor(): Redactor {
  let inKey = false;
  let keyLines = 0;
  return {
    line(text: string): string {
      const r = redactOne(text, inKey);
      if (inKey && r.openPrivateKey) {
        keyLines++;
        if (keyLines >= MAX_PRIVATE_KEY_LINES) {
          inKey = false;
          keyLines = 0;
        }
      } else {
        inKey = r.openPrivateKey;
        keyLines = 0;
      }
      return r.text;
    },
    get inPrivateKey() {
      return inKey;
    },
  };
}

/** A whole text (several lines), redacted with one redactor; line endings are kept. */
export function redactText(text: string): string {
  const r = createRedactor();
  return text
    .split(/(\r?\n)/)
    .map((part, i) => (i % 2 === 1 ? part : r.line(part)))
    .join("");
}

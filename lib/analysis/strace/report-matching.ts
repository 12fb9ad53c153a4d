// Does a message the process wrote report a given failure? By naming it (its path, host or endpoint as
// a whole token), or by the errno wording plus a bare name.

export interface Reportable {
  /** Exact strings (paths, host names) whose appearance shows the failure was reported. */
  mentions: string[];
  /** URL paths: named when they end a token, whatever precedes them (`http://host:port` + path). */
  urlPaths?: string[];
  /** Bare words (a relative name without `/` or `.`) that count only next to the errno text. */
  weakMentions: string[];
  /** Lower-case errno texts (`connection refused`); they confirm weak mentions, or suffice when `errnoAlone`. */
  errnoTexts: string[];
  /** Network failures: the errno text alone reports them (programs rarely print the fd). */
  errnoAlone: boolean;
  /**
   * The last two components of a path (`lib/feature-flags`): named also when a message gives the path
   * relative to where the process stands (`./lib/feature-flags`, `src/lib/feature-flags`).
   */
  tails?: string[];
  /** Naming the path is not enough: the message must also say it is missing or refused. */
  needsWording?: boolean;
}

/**
 * How `text` reports `c`: by its full path/host ("named"), by wording ("worded"), or not at all. `lower`
 * is text.toLowerCase() and `wording` remembers which errno texts it holds, when the caller asks about
 * one text often.
 */
export function howReported(text: string, c: Reportable, lower = text.toLowerCase(), wording?: Map<string[], boolean>): "named" | "worded" | null {
  let worded = wording?.get(c.errnoTexts);
  if (worded === undefined) {
    worded = c.errnoTexts.some((t) => lower.includes(t));
    wording?.set(c.errnoTexts, worded);
  }
  if ((worded || !c.needsWording) && (c.mentions.some((s) => containsToken(text, s)) || c.tails?.some((s) => containsTail(text, s)))) return "named";
  if (c.urlPaths?.some((s) => containsToken(text, s, false))) return "named";
  if (!worded) return null;
  return c.errnoAlone || c.weakMentions.some((s) => containsToken(text, s)) ? "worded" : null;
}

// Wording of an error report, and of a warning (which names a problem the program then works around).
export const WARNING = /\bwarn(?:ing)?\b/i;
export const ERRORISH = /\b(?:error|fatal|failed|fail|cannot|can't|could not|unable|denied|refused|no such|not found)\b/i;

const isNameChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 47 || c === 126;

/** `tail` occurs in `text` as the end of a path: after a `/` or at the start of a token, not glued on the right. */
function containsTail(text: string, tail: string): boolean {
  for (let i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + 1)) {
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const j = i + tail.length;
    const next = j < text.length ? text.charCodeAt(j) : 32;
    const afterDot = j + 1 < text.length ? text.charCodeAt(j + 1) : 32;
    if ((before === 47 || (!isNameChar(before) && before !== 46)) && !isNameChar(next) && !(next === 46 && isNameChar(afterDot))) return true;
  }
  return false;
}

/**
 * `needle` occurs in `text` as a whole path/name: not glued to further path characters on either side
 * (on the right only, with `leftBound` false).
 */
export function containsToken(text: string, needle: string, leftBound = true): boolean {
  if (needle.length < 2) return false;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    const j = i + needle.length;
    const next = j < text.length ? text.charCodeAt(j) : 32;
    const afterDot = j + 1 < text.length ? text.charCodeAt(j + 1) : 32;
    const leftOk = !leftBound || (!isNameChar(before) && before !== 46);
    const rightOk = !isNameChar(next) && !(next === 46 && isNameChar(afterDot));
    if (leftOk && rightOk) return true;
  }
  return false;
}

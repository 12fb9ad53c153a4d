// Finds secrets in one line of visible text (no ANSI escapes) and returns the character ranges to
// mask. Pure: no I/O, no framework.
//
// Every pattern is written to run in linear time on hostile input:
//   - each pattern starts with a look-behind that rejects a start inside a run of its own token
//     characters, so a long run is tried from one position only, not from each of its characters;
//   - the repeated part is a single character class, never a nested quantifier whose pieces could
//     split a string in more than one way;
//   - anything that looks ahead for a terminator (a closing quote, `@`) is bounded ({0,1024}).
// A line without any trigger word skips all of them (one cheap test), which is nearly every line.
//
// Deliberately NOT matched: go.sum `h1:` hashes, npm `sha512-`/`sha1-` integrity strings, sha256 hex
// digests and git commit ids. They are the evidence of checksum incidents, and none of them sits
// behind a secret-looking key or carries a credential prefix.

export type SecretKind =
  | "github-token"
  | "gitlab-token"
  | "npm-token"
  | "aws-access-key-id"
  | "aws-secret-key"
  | "slack-token"
  | "slack-webhook"
  | "google-api-key"
  | "private-key"
  | "jwt"
  | "authorization"
  | "cookie"
  | "url-credential"
  | "password"
  | "token"
  | "secret"
  | "api-key"
  | "netrc-password"
  | "ci-mask";

export interface Finding {
  /** Range [start, end) of the visible text to replace. */
  start: number;
  end: number;
  kind: SecretKind;
  /** Characters at the start of the range shown before the mask (a token's public prefix). */
  keep: number;
  /** Found by a generic key/value rule: where it overlaps a specific one, the specific kind is named. */
  generic?: boolean;
}

/** Any of these in a line means the detectors have to run; case-insensitive. */
const TRIGGER =
  /gh[pousr]_|github_pat_|gl(?:pat|dt|rt|ptt|cbt|ft|soat|imt|agent|oas)-|GR1348941|npm_|A(?:KIA|SIA|BIA|CCA|GPA|IDA|IPA|NPA|NVA|PKA|ROA)|xox|xapp-|hooks\.slack|AIza|eyJ|PRIVATE KEY|authori[sz]ation|cookie|:\/\/|machine|pass|pwd|secret|token|key|auth|sig|credential|::add-mask::|bearer|curl|login/i;

/** A value that is already masked or only refers to a variable: nothing to hide. */
const PLACEHOLDER = /^(?:\*+|x{3,}|\.{3}|<[^>]{0,40}>|\[REDACTED[^\]]{0,60}\]|\$\{\{?[^}]{0,80}\}?\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|null|none|nil|undefined|true|false|redacted|\(redacted\)|\*\*\*)$/i;

type Push = (start: number, end: number, kind: SecretKind, keep?: number, generic?: boolean) => void;

interface TokenPattern {
  re: RegExp;
  kind: SecretKind;
  /** How many leading characters of the match stay visible. */
  keep: number;
}

// Credential formats with a recognisable public prefix. Flags: g (scan), no i unless noted.
const TOKENS: TokenPattern[] = [
  { re: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{30,}/g, kind: "github-token", keep: 11 },
  { re: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}/g, kind: "github-token", keep: 4 },
  { re: /(?<![A-Za-z0-9_-])gl(?:pat|dt|rt|ptt|cbt|ft|soat|imt|agent|oas)-[A-Za-z0-9_.-]{20,}/g, kind: "gitlab-token", keep: 6 },
  { re: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20,}/g, kind: "gitlab-token", keep: 9 },
  { re: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36,}/g, kind: "npm-token", keep: 4 },
  { re: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, kind: "aws-access-key-id", keep: 4 },
  { re: /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}/g, kind: "slack-token", keep: 5 },
  { re: /(?<![A-Za-z0-9_-])xapp-[A-Za-z0-9-]{20,}/g, kind: "slack-token", keep: 5 },
  { re: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g, kind: "google-api-key", keep: 4 },
  // header.payload.signature, base64url JSON: `{"` encodes as eyJ / eyI.
  { re: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.ey[IJ][A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, kind: "jwt", keep: 3 },
];

const SLACK_WEBHOOK = /(?<![A-Za-z0-9_-])https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{10,}/g;

const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY(?: BLOCK)?-----/g;
export const PEM_END = /-----END (?:[A-Z0-9]+ ){0,4}PRIVATE KEY(?: BLOCK)?-----/g;

const AWS_SECRET = /(?<![A-Za-z0-9_])(?:aws_?secret_?access_?key|aws_?secret_?key|secret_?access_?key)["']?\s{0,3}(?:=>|[:=])\s{0,3}["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi;

// `Authorization: Bearer x`, `"authorization": "Basic x"`, git's `=> Send header: Authorization: …`.
const AUTH_HEADER = /(?<![A-Za-z0-9_-])(?:proxy-)?authori[sz]ation["']?\s{0,3}[:=]\s{0,3}(["']?)/dgi;
const AUTH_SCHEME = /(Bearer|Basic|Token|Bot|OAuth|ApiKey|SSWS|Digest|Negotiate|NTLM|AWS4-HMAC-SHA256|Splunk)\s+/iy;
const SINGLE_TOKEN_SCHEMES = /^(?:bearer|basic|token|bot|oauth|apikey|ssws|splunk|negotiate|ntlm)$/i;
const BEARER = /(?<![A-Za-z0-9_-])Bearer\s+([A-Za-z0-9._~+/-]{16,}=*)/dg;
const COOKIE_HEADER = /(?<![A-Za-z0-9_-])(?:set-)?cookie["']?\s{0,3}:\s{0,3}(["']?)/dgi;

// scheme://user:secret@host — the user name stays, the secret goes.
const URL_CREDENTIAL = /(?<![A-Za-z0-9+.-])[a-zA-Z][a-zA-Z0-9+.-]{0,30}:\/\/[^\s:@/?#"'<>]{0,256}:([^\s@/"'<>]{1,1024})@/dg;

// key=value, key: value, "key": "value", KEY=value, --key=value, ?key=value&…
const KEY_SEP = /(?<![A-Za-z0-9_.$])(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,63})\1\s{0,3}(=>|=|:)(?![=/])/dg;
const SENSITIVE_KEY =
  /(?:password|passwd|passphrase|passcode|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|secret[_-]?key|auth[_-]?key|credentials?|signature)$/i;
const SENSITIVE_EXACT_KEY = /^(?:_?auth|pass|pwd|sig|_password)$/i;

// --password hunter2, --registry-token abc (a flag, then a separate value word)
const FLAG_VALUE = /(?<![A-Za-z0-9_-])--?(?:[A-Za-z0-9]+[-_])*(?:password|passwd|passphrase|token|secret|api-?key|access-key|secret-key)\s+(?!-)([^\s"']{1,1024}|"[^"]{0,1024}"|'[^']{0,1024}')/dgi;
const DOCKER_LOGIN_P = /(?<![A-Za-z0-9_-])(?:docker|podman|helm registry|oras)\s+login\b[^\n]{0,300}?\s-p\s+(?!-)([^\s"']{1,1024})/dg;
const SSHPASS_P = /(?<![A-Za-z0-9_-])sshpass\s+-p\s*([^\s"']{1,1024})/dg;
const CURL_USER = /(?<![A-Za-z0-9_-])(?:curl\b[^\n]{0,200}?\s-u\s*|--(?:proxy-)?user[\s=]+)["']?[^\s:"']{1,256}:([^\s"']{1,1024})/dg;

// .netrc: `machine h login u password p` on one line, or `password p` alone on its line.
const NETRC_INLINE = /(?<![A-Za-z0-9_-])machine\s+\S{1,256}\s+(?:login\s+\S{1,256}\s+)?(?:password|passwd)\s+(\S{1,1024})/dg;
const NETRC_LINE = /^\s*(?:\d{4}-\d\d-\d\dT[\d:.]{8,20}Z\s+)?(?:login\s+\S{1,256}\s+)?(?:password|passwd)\s+(\S{1,1024})\s*$/d;
const ADD_MASK = /::add-mask::(.{1,4096})$/d;

function groupRange(m: RegExpExecArray, group: number): [number, number] | null {
  const r = m.indices?.[group];
  return r ? [r[0], r[1]] : null;
}

/** Every match of `re`; `fn` may return where the next search starts (past a value it consumed). */
function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => number | void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const next = fn(m);
    if (typeof next === "number" && next > re.lastIndex) re.lastIndex = next;
    else if (m[0].length === 0) re.lastIndex++;
  }
}

// An unquoted value ends at white space, a quote or a separator of query strings, connection strings
// and lists. Brackets do not end it: a password may contain them, and masking a closing bracket too
// costs less than showing the rest of a password.
const WORD = /[^\s"'&;,]{0,4096}/y;
const VAR_REF = /(?:\$\{\{[^}\n]{0,80}\}\}|\$\{[A-Za-z_][A-Za-z0-9_]{0,80}\}|\$[A-Za-z_][A-Za-z0-9_]{0,80}|%[A-Za-z_][A-Za-z0-9_]{0,80}%)(?=[\s"'&;,]|$)/y;
const REST = /[^"']{0,4096}/y;

/** End of a value starting at `from`: a quoted string up to its closing quote, else one word. */
function valueEnd(text: string, from: number, quote: string): number {
  if (!quote) return wordEnd(text, from);
  const limit = Math.min(text.length, from + 4096);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === quote) return i;
  }
  return limit;
}

function wordEnd(text: string, from: number): number {
  WORD.lastIndex = from;
  return from + (WORD.exec(text)?.[0].length ?? 0);
}

function lineEnd(text: string, from: number): number {
  return Math.min(text.length, from + 4096);
}

/** Up to the next quote (closing an enclosing string) or the end of the line. */
function restEnd(text: string, from: number): number {
  REST.lastIndex = from;
  return from + (REST.exec(text)?.[0].length ?? 0);
}

function kindOfKey(key: string): SecretKind {
  const k = key.toLowerCase();
  if (/pass|pwd/.test(k)) return "password";
  if (/api[_-]?key|apikey/.test(k)) return "api-key";
  if (/token|auth$/.test(k)) return "token";
  return "secret";
}

/** Whether a field or variable name says its value is a secret (`password`, `GITHUB_TOKEN`, `_authToken`). */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key) || SENSITIVE_EXACT_KEY.test(key);
}

export function sensitiveKeyKind(key: string): SecretKind {
  return kindOfKey(key);
}

function maskValue(push: Push, text: string, start: number, end: number, kind: SecretKind, generic = false): void {
  if (end <= start) return;
  VAR_REF.lastIndex = start;
  if (VAR_REF.test(text)) return;
  if (PLACEHOLDER.test(text.slice(start, end))) return;
  push(start, end, kind, 0, generic);
}

export interface DetectResult {
  findings: Finding[];
  /** A private key block began on this line and did not end on it. */
  openPrivateKey: boolean;
}

/** Secrets in one line of visible text, as non-overlapping ranges in order. */
export function detectSecrets(text: string): DetectResult {
  const found: Finding[] = [];
  let openPrivateKey = false;
  if (!TRIGGER.test(text) && !text.includes("-----BEGIN")) return { findings: found, openPrivateKey };
  const push: Push = (start, end, kind, keep = 0, generic = false) => {
    if (end > start) found.push(generic ? { start, end, kind, keep, generic } : { start, end, kind, keep });
  };

  // Private key blocks on one line (JSON-escaped PEM, `echo "$KEY"` flattened) or beginning here.
  each(PEM_BEGIN, text, (m) => {
    const bodyStart = m.index + m[0].length;
    PEM_END.lastIndex = bodyStart;
    const end = PEM_END.exec(text);
    if (end) {
      push(bodyStart, end.index, "private-key");
      PEM_BEGIN.lastIndex = end.index + end[0].length;
    } else {
      push(bodyStart, text.length, "private-key");
      openPrivateKey = true;
      PEM_BEGIN.lastIndex = text.length;
    }
  });

  for (const t of TOKENS) each(t.re, text, (m) => push(m.index, m.index + m[0].length, t.kind, t.keep));
  each(SLACK_WEBHOOK, text, (m) => push(m.index, m.index + m[0].length, "slack-webhook", m[0].indexOf("/", 25) + 1));

  each(AWS_SECRET, text, (m) => {
    const g = groupRange(m, 1);
    if (g) push(g[0], g[1], "aws-secret-key");
  });

  each(AUTH_HEADER, text, (m) => {
    const quote = m[1] ?? "";
    let at = m.index + m[0].length;
    AUTH_SCHEME.lastIndex = at;
    const scheme = AUTH_SCHEME.exec(text);
    if (scheme) at += scheme[0].length;
    // One credential word after a known scheme; otherwise (Digest, no scheme) the whole value: up to
    // its closing quote, or to a quote that closes an enclosing string, or to the end of the line.
    const end = scheme && SINGLE_TOKEN_SCHEMES.test(scheme[1]) ? wordEnd(text, at) : quote ? valueEnd(text, at, quote) : scheme ? lineEnd(text, at) : wordEnd(text, at);
    maskValue(push, text, at, end, "authorization");
    return end;
  });
  each(BEARER, text, (m) => {
    const g = groupRange(m, 1);
    if (g) maskValue(push, text, g[0], g[1], "authorization");
  });
  each(COOKIE_HEADER, text, (m) => {
    const quote = m[1] ?? "";
    const at = m.index + m[0].length;
    const end = quote ? valueEnd(text, at, quote) : restEnd(text, at);
    maskValue(push, text, at, end, "cookie");
    return end;
  });

  each(URL_CREDENTIAL, text, (m) => {
    const g = groupRange(m, 1);
    if (g) maskValue(push, text, g[0], g[1], "url-credential");
  });

  each(KEY_SEP, text, (m) => {
    const key = m[2];
    // `https://x-access-token:…@host` is a URL's user name, not a key: URL_CREDENTIAL masks it.
    if (!isSensitiveKey(key) || text.startsWith("://", m.index - 3)) return;
    let at = m.index + m[0].length;
    while (at < text.length && (text[at] === " " || text[at] === "\t")) at++;
    const quote = text[at] === '"' || text[at] === "'" ? text[at] : "";
    if (quote) at++;
    const end = valueEnd(text, at, quote);
    maskValue(push, text, at, end, kindOfKey(key), true);
    return end;
  });
  each(FLAG_VALUE, text, (m) => {
    const g = groupRange(m, 1);
    if (!g) return;
    const quoted = /^["']/.test(m[1]);
    const [s, e] = quoted ? [g[0] + 1, g[1] - 1] : g;
    maskValue(push, text, s, e, kindOfKey(m[0].slice(0, m[0].length - m[1].length).trim()), true);
  });
  for (const re of [DOCKER_LOGIN_P, SSHPASS_P, CURL_USER]) {
    each(re, text, (m) => {
      const g = groupRange(m, 1);
      if (g) maskValue(push, text, g[0], g[1], "password");
    });
  }

  each(NETRC_INLINE, text, (m) => {
    const g = groupRange(m, 1);
    if (g) maskValue(push, text, g[0], g[1], "netrc-password");
  });
  const netrc = NETRC_LINE.exec(text);
  const netrcRange = netrc && groupRange(netrc, 1);
  if (netrcRange) maskValue(push, text, netrcRange[0], netrcRange[1], "netrc-password");
  const mask = ADD_MASK.exec(text);
  const maskRange = mask && groupRange(mask, 1);
  if (maskRange) push(maskRange[0], maskRange[1], "ci-mask");

  return { findings: mergeFindings(found), openPrivateKey };
}

/**
 * Sorted, non-overlapping: where two overlap, their union is masked, named after the one that starts
 * first (a specific rule before a generic key/value one when both start at the same place).
 */
export function mergeFindings(found: Finding[]): Finding[] {
  if (found.length <= 1) return found;
  found.sort((a, b) => a.start - b.start || Number(a.generic ?? false) - Number(b.generic ?? false) || b.end - a.end);
  const out: Finding[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) last.end = f.end;
      continue;
    }
    out.push({ start: f.start, end: f.end, kind: f.kind, keep: f.keep });
  }
  return out;
}

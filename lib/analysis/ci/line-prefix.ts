// Recognises what CI systems put around a tool's output: timestamps (GitHub Actions, Jenkins
// timestamper, GitLab's timestamped logs), step/group markers (GitHub `##[group]`, GitLab
// `section_start`, Buildkite `---`/`+++`/`~~~`, Jenkins `[Pipeline] { (Stage)`), and annotations
// (`##[error]msg`, `::error file=x,line=n::msg`). Rules then match the tool's own text (`body`).

export type Marker =
  // `open`: the CI shows this group expanded (Buildkite `+++`); its other headers start collapsed.
  | { kind: "group"; name: string; open?: boolean }
  | { kind: "endgroup" }
  // `collapsed`: GitLab's `section_start:…:name[collapsed=true]`.
  | { kind: "section-start"; name: string; at?: string; collapsed?: boolean }
  | { kind: "section-end"; name: string; at?: string };

export type CiKind = "github-actions" | "gitlab" | "buildkite" | "jenkins";

export interface ParsedLine {
  body: string;
  /** CI system whose syntax was recognised on this line. */
  ci?: CiKind;
  timestamp?: string;
  marker?: Marker;
  annotation?: { level: string; file?: string; line?: number; col?: number };
}

const ISO_PREFIX = /^\uFEFF?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?) (?:\d\d[OE]\+? )?/;
const BRACKET_ISO = /^\[(\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?)\] ?/;
const CLOCK_PREFIX = /^\[?(\d\d:\d\d:\d\d(?:\.\d{1,6})?)\]? (?=\S)/;
const GHA_COMMAND = /^##\[(group|endgroup|error|warning|notice|debug|command|section)\](.*)$/;
const WORKFLOW_COMMAND = /^::(error|warning|notice|group|endgroup)(?: ([^:\n]*))?::(.*)$/;
const SECTION = /^section_(start|end):(\d+):([^\s[]+)(?:\[([^\]]*)\])?\s*/;
const COLLAPSED_OPTION = /(?:^|,)\s*collapsed=true\s*(?:,|$)/;
const BUILDKITE = /^(---|\+\+\+|~~~) (?!(?:FAIL|PASS|SKIP): )(\S[^\n]*)$/;
const JENKINS_STAGE = /^\[Pipeline\] \{ \(([^)\n]+)\)/;
// Tool log lines that carry their own date (`2026-11-20 22:02:47.239 UTC [pid] ...`): keep the text.
const EMBEDDED_TIME = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d+)?)(?: ?(Z|UTC|[+-]\d\d:?\d\d))?\b/;

// A section marker's epoch comes from untrusted text: one out of Date's range is simply dropped.
function epochToIso(s: string): string | undefined {
  const d = new Date(Number(s) * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function parseLinePrefix(text: string, outOfBandTime?: string): ParsedLine {
  let body = text;
  let timestamp = outOfBandTime;
  let ci: CiKind | undefined = outOfBandTime ? "buildkite" : undefined;
  let m = ISO_PREFIX.exec(body);
  if (m) {
    timestamp ??= m[1];
    body = body.slice(m[0].length);
  } else if ((m = BRACKET_ISO.exec(body))) {
    timestamp ??= m[1];
    body = body.slice(m[0].length);
    ci = "jenkins";
  } else if ((m = CLOCK_PREFIX.exec(body))) {
    // Jenkins' "HH:mm:ss" timestamper style, but also git/curl trace clocks: not a format signal.
    timestamp ??= m[1];
    body = body.slice(m[0].length);
  }
  const out: ParsedLine = { body };
  const first = body.charCodeAt(0);
  if (first === 35 /* # */ && (m = GHA_COMMAND.exec(body))) {
    const [, cmd, rest] = m;
    if (cmd === "group" || cmd === "section") out.marker = { kind: "group", name: rest.trim() };
    else if (cmd === "endgroup") out.marker = { kind: "endgroup" };
    else if (cmd === "error" || cmd === "warning" || cmd === "notice") out.annotation = { level: cmd };
    // Group markers carry no tool output; debug and command lines are the runner's own echo.
    out.body = cmd === "group" || cmd === "endgroup" || cmd === "debug" || cmd === "command" ? "" : rest;
    ci = "github-actions";
  } else if (first === 58 /* : */ && (m = WORKFLOW_COMMAND.exec(body))) {
    const [, cmd, params, rest] = m;
    if (cmd === "group") out.marker = { kind: "group", name: rest.trim() };
    else if (cmd === "endgroup") out.marker = { kind: "endgroup" };
    else out.annotation = { level: cmd, ...annotationParams(params ?? "") };
    out.body = out.marker ? "" : rest;
    ci = "github-actions";
  } else if (first === 115 /* s */ && (m = SECTION.exec(body))) {
    const at = epochToIso(m[2]);
    const when = at ? { at } : {};
    if (m[1] === "end") out.marker = { kind: "section-end", name: m[3], ...when };
    else out.marker = COLLAPSED_OPTION.test(m[4] ?? "") ? { kind: "section-start", name: m[3], ...when, collapsed: true } : { kind: "section-start", name: m[3], ...when };
    timestamp ??= at;
    out.body = body.slice(m[0].length);
    ci = "gitlab";
  } else if ((first === 45 || first === 43 || first === 126) && (m = BUILDKITE.exec(body))) {
    out.marker = m[1] === "+++" ? { kind: "group", name: m[2].trim(), open: true } : { kind: "group", name: m[2].trim() };
    out.body = "";
    ci = "buildkite";
  } else if (first === 91 /* [ */ && (m = JENKINS_STAGE.exec(body))) {
    out.marker = { kind: "group", name: m[1].trim() };
    out.body = "";
    ci = "jenkins";
  } else if (!timestamp && (m = EMBEDDED_TIME.exec(body))) {
    timestamp = `${m[1]}T${m[2]}${m[3] === "UTC" ? "Z" : (m[3] ?? "")}`;
  }
  if (timestamp) out.timestamp = timestamp;
  if (ci) out.ci = ci;
  return out;
}

function annotationParams(params: string): { file?: string; line?: number; col?: number } {
  const out: { file?: string; line?: number; col?: number } = {};
  for (const part of params.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (k === "file") out.file = v;
    else if (k === "line") out.line = Number(v);
    else if (k === "col") out.col = Number(v);
  }
  return out;
}

// The analyzer's public contract: what every consumer (CLI, worker, web app) relies on.
// Keep it stable; add optional members rather than changing existing ones.

export const EVENT_CLASSES = [
  "enoent",
  "checksum_mismatch",
  "http_403",
  "http_401",
  "not_found",
  "auth_required",
  "dns_failure",
  "timeout",
  "connection_refused",
  "tls_error",
  "permission_denied",
  "disk_full",
  "out_of_memory",
  "module_path_mismatch",
  "missing_checksum_entry",
  "version_conflict",
  "rate_limited",
  "too_many_connections",
  "compile_error",
  "test_failure",
  "process_exit",
] as const;

export type EventClass = (typeof EVENT_CLASSES)[number];

export type FieldValue = string | number;

export interface AnalysisEvent {
  class: EventClass;
  /** 1-based first physical line that states the error (relative to `file` for archives). */
  line: number;
  /** 1-based last line of the statement (continuations included); >= line. */
  endLine: number;
  /** Archive member path or uploaded file name when the input had several files. */
  file?: string;
  /** ISO-8601 timestamp when the log carries one for this line. */
  timestamp?: string;
  /** CI step / group / section the line belongs to. */
  step?: string;
  /** One-line human message (ANSI stripped). */
  message: string;
  fields: Record<string, FieldValue>;
  /** Stable across runs: no timestamps, temp dirs, ports, run ids. */
  fingerprint: string;
  /** How many times the same failure was stated (repeats folded into this event). */
  count: number;
  /** Lines of later repeats (first few), for evidence links. */
  repeatLines?: number[];
  /** Rule that produced the event, e.g. "go.checksum-mismatch". */
  ruleId: string;
  ecosystem?: string;
  /** Runbook to show for this event, e.g. "go-checksum-mismatch". */
  runbookId?: string;
  /** The stated lines (line..endLine, capped), only when AnalyzeOptions.keepLines is set. */
  lines?: string[];
}

export interface RootCause {
  class: EventClass;
  line: number;
  endLine?: number;
  file?: string;
  /** Index into AnalysisResult.events. */
  eventIndex: number;
}

export interface AnalysisStats {
  lines: number;
  bytes: number;
  ms: number;
  /** Distinct events not kept because the per-run cap was reached (their repeats still fold). */
  droppedEvents?: number;
}

export interface AnalysisResult {
  /** Detected input format, e.g. "plain", "github-actions", "github-actions-archive", "gitlab", "strace", "strace-summary". */
  format: string;
  events: AnalysisEvent[];
  rootCause: RootCause | null;
  /** Event indexes from the root cause to the final exit, in order. */
  causalChain: number[];
  stats: AnalysisStats;
  /** CI steps/groups seen, with their line ranges and times, for timelines. */
  steps?: StepInfo[];
  /** Collapsible regions of the log (steps, groups, sections), nested, for the log viewer. */
  groups?: LogGroup[];
  /** More groups existed than `groups` holds (MAX_LOG_GROUPS). */
  groupsTruncated?: boolean;
  /** Format-specific extras (strace: process tree, syscall summary, path resolution...). */
  strace?: StraceReport;
  analyzerVersion: string;
}

export interface StepInfo {
  name: string;
  file?: string;
  startLine: number;
  endLine: number;
  startedAt?: string;
  endedAt?: string;
  failed?: boolean;
}

/**
 * A collapsible region of a CI log as the CI's own viewer shows it: a GitHub Actions step (`##[group]Run
 * …` up to the next step, its output included) or `##[group]`/`::group::` up to its endgroup, a GitLab
 * section, a Buildkite or Jenkins group (up to the next header).
 */
export interface LogGroup {
  file?: string;
  name: string;
  kind: "step" | "group" | "section";
  /** The header line (the group's toggle row). */
  line: number;
  /** Last line of the group (>= line). */
  endLine: number;
  /** 0 for an outermost group. */
  depth: number;
  startedAt?: string;
  endedAt?: string;
  /** How the CI shows it at first: GitLab `[collapsed=true]`, Buildkite `---`/`~~~` (collapsed) vs `+++`. */
  initially?: "collapsed" | "expanded";
}

export interface StraceProcess {
  pid: number;
  parentPid?: number;
  argv?: string[];
  exe?: string;
  exitCode?: number;
  signal?: string;
  startedAt?: string;
  endedAt?: string;
}

export interface StracePathResolution {
  path: string;
  /** Absolute path after resolving against the process's cwd. */
  resolved: string;
  /** Deepest prefix the trace shows existing. */
  existingPrefix?: string;
  /** First component that does not exist. */
  missingComponent?: string;
  cwd?: string;
  pid?: number;
  line: number;
}

export interface StraceSyscallSummary {
  syscall: string;
  calls: number;
  errors: number;
  seconds: number;
}

export interface StraceReport {
  processes: StraceProcess[];
  syscalls: StraceSyscallSummary[];
  filesOpened: string[];
  filesFailed: { path: string; errno: string; syscall: string; line: number }[];
  endpoints: { address: string; port?: number; family: string; result: string }[];
  pathResolutions: StracePathResolution[];
}

/** One physical input line as the engine hands it to a format analyzer. */
export interface LogLine {
  /** 1-based physical line number within `file` (or the single input). */
  no: number;
  /** Text for matching: decoded, ANSI stripped, `\r` overwrites resolved, CI prefixes kept. */
  text: string;
  /** Byte length of the raw physical line (for progress). */
  bytes: number;
  file?: string;
  /** Time carried by an out-of-band marker (e.g. Buildkite's `_bk;t=` escape), already removed from `text`. */
  timestamp?: string;
}

export interface AnalyzeOptions {
  /** Name of the input (file name or archive member); used for format hints. */
  name?: string;
  /** Date (YYYY-MM-DD) to put undated strace `-t`/`-tt` times on. */
  baseDate?: string;
  /** Called every few MB with bytes consumed so far and the events found so far. */
  onProgress?: (p: { bytes: number; events: number }) => void;
  /** Keep each event's stated lines in `AnalysisEvent.lines` (for terminal reports). */
  keepLines?: boolean;
}

/** What a format analyzer returns once its input is exhausted; the engine adds stats and version. */
export type PartialResult = Omit<AnalysisResult, "stats" | "analyzerVersion">;

/** A streaming, per-format analyzer: fed physical lines in order (per file), then finished once. */
export interface LineAnalyzer {
  push(line: LogLine): void;
  finish(): PartialResult;
  /**
   * Optional fast path: the complete lines buf[start, end) (each ending in `\n`) as raw bytes, the first
   * being line `firstNo` of `file`; same result as pushing each line decoded the engine's way
   * (input/decode-line.ts). Returns how many lines there were.
   */
  pushLines?(buf: Buffer, start: number, end: number, firstNo: number, file?: string): number;
}

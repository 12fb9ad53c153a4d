// The shape of a data-driven rule. Rules are plain objects in per-ecosystem tables (rules/*.ts); the
// engine (engine/rule-matcher.ts) applies them. A rule states one failure message of one tool.
import type { EventClass, FieldValue } from "../types";

export type Fields = Record<string, FieldValue>;

/**
 * How an event relates to other events:
 * - cause:   states a failure; repeats with the same fingerprint fold into the first.
 * - exit:    an exit-status summary; never chosen as root cause while a cause exists.
 * - summary: restates an earlier failure (`FAIL pkg`, `npm error code EINTEGRITY` after warnings);
 *            folds into the latest compatible event of the same class in the same step, else stands alone.
 * - echo:    only ever a consequence (git's "Could not read from remote repository"); folds into the
 *            event just before it, otherwise it is not reported.
 */
export type Role = "cause" | "exit" | "summary" | "echo";

export interface Continuation {
  /** A following line belongs to the event when it matches (tested on the CI-prefix-free text). */
  line?: RegExp;
  /** ...or when it is indented deeper than the first line (YAML/TAP blocks, Go test output). */
  deeper?: boolean;
  /** Blank lines do not end the block. */
  blank?: boolean;
  /** Field extractors for continuation lines; the first value found for a field wins. */
  fields?: RegExp[];
  /** The event exists only if some continuation line matches this (e.g. "module declares its path"). */
  confirm?: RegExp;
  /** Upper bound on continuation lines (default 40). */
  max?: number;
}

export interface RuleContext {
  /** Project directory name guessed from the log (npm `> name@version script` header). */
  projectName?: string;
}

export interface Rule {
  /** "<ecosystem>.<failure>", e.g. "go.checksum-mismatch". */
  id: string;
  ecosystem: string;
  /**
   * Static class, or derived once the whole statement (first line + continuation) is known from the
   * fields and the joined text; null means "not an event" (e.g. an HTTP 500 has no class).
   */
  class: EventClass | ((fields: Fields, text: string) => EventClass | null);
  runbookId?: string;
  /** Cheap prefilter: the line must contain at least one of these (case-sensitive). */
  literals: string[];
  /** Applied to the bounded line text; named groups become fields. Never global, no nested quantifiers. */
  pattern: RegExp;
  /** Further patterns on the first line that only add fields (first value wins). */
  extract?: RegExp[];
  /** Constant fields (e.g. status 401 for "Authentication failed"). */
  fields?: Fields;
  continuation?: Continuation;
  role?: Role;
  /** Fields that identify the failure for the fingerprint; default: the normalized message. */
  key?: string[];
  /** Final touch on fields once the statement is complete; return false to drop it (benign probes). */
  post?: (fields: Fields, ctx: RuleContext) => boolean | void;
  /** Summaries: how many lines back the event they restate may be (default 60). */
  foldWindow?: number;
  /** Summaries: only fold into events of these rules (id prefixes, e.g. "npm." or "git.http-trace-status"). */
  foldInto?: string[];
  /** Summaries: fold into the latest event of the same ecosystem whatever its class (pod pull status). */
  foldAny?: boolean;
  /** Summaries: also copy missing fields into every earlier same-class event of the step (Go `FAIL pkg`). */
  fillAll?: boolean;
}

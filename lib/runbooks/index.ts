// The built-in runbook catalogue and how an event finds its runbook.
import { EVENT_CLASSES, type EventClass } from "../analysis/types";
import { cargoRunbooks } from "./cargo";
import { containerRunbooks } from "./containers";
import { genericRunbooks } from "./generic";
import { gitRunbooks } from "./git";
import { goRunbooks } from "./go";
import { jvmRunbooks } from "./jvm";
import { networkRunbooks } from "./network";
import { nodeRunbooks } from "./node";
import { npmRunbooks } from "./npm";
import { pipRunbooks } from "./pip";
import { postgresRunbooks } from "./postgres";
import { straceRunbooks } from "./strace";
import { ECOSYSTEMS, type Ecosystem, type Runbook } from "./types";

export const BUILTIN_RUNBOOKS: readonly Runbook[] = [
  ...goRunbooks,
  ...npmRunbooks,
  ...pipRunbooks,
  ...gitRunbooks,
  ...containerRunbooks,
  ...jvmRunbooks,
  ...cargoRunbooks,
  ...postgresRunbooks,
  ...nodeRunbooks,
  ...networkRunbooks,
  ...straceRunbooks,
  ...genericRunbooks,
];

/** The runbook shown for an event of a class when its rule names no (known) runbook for that class. */
export const CLASS_FALLBACK: Record<EventClass, string> = {
  enoent: "file-not-found",
  checksum_mismatch: "checksum-mismatch",
  http_403: "http-forbidden",
  http_401: "http-unauthorized",
  not_found: "resource-not-found",
  auth_required: "auth-required",
  dns_failure: "dns-failure",
  timeout: "network-timeout",
  connection_refused: "connection-refused",
  tls_error: "tls-certificate",
  permission_denied: "permission-denied",
  disk_full: "disk-full",
  out_of_memory: "out-of-memory",
  module_path_mismatch: "go-module-path-mismatch",
  missing_checksum_entry: "missing-checksum-entry",
  version_conflict: "version-conflict",
  rate_limited: "rate-limited",
  too_many_connections: "postgres-too-many-connections",
  compile_error: "compile-error",
  test_failure: "test-failure",
  process_exit: "process-exit",
};

/** For events whose class is not one of EVENT_CLASSES (older data). */
export const UNKNOWN_FALLBACK = "generic-failure";

const byId = new Map<string, Runbook>();
const byKey = new Map<string, Runbook>();
for (const rb of BUILTIN_RUNBOOKS) {
  byId.set(rb.id, rb);
  for (const key of [rb.id, ...(rb.aliases ?? [])]) byKey.set(key, rb);
}

/** A built-in runbook by its id or one of its aliases. */
export function builtinRunbook(key: string): Runbook | undefined {
  return byKey.get(key);
}

export function isEventClass(cls: unknown): cls is EventClass {
  return typeof cls === "string" && (EVENT_CLASSES as readonly string[]).includes(cls);
}

/** `version_conflict` → `version-conflict`, the spelling used in runbook keys. */
export function classKey(cls: string): string {
  return cls.replace(/_/g, "-");
}

/**
 * The runbook for an event:
 * 1. the class variant of the rule's runbook (`npm-error` + http_401 → key `npm-error.http-401`);
 * 2. the rule's runbook itself when it is written for the event's class (or the class is unknown);
 * 3. the fallback for the class;
 * 4. for a class outside EVENT_CLASSES without a runbook id: the generic fallback.
 */
export function runbookFor(event: { runbookId?: string | null; class?: string | null }): Runbook {
  const cls = event.class ?? undefined;
  const base = event.runbookId ? byKey.get(event.runbookId) : undefined;
  if (event.runbookId && cls) {
    const variant = byKey.get(`${event.runbookId}.${classKey(cls)}`);
    if (variant) return variant;
  }
  if (base && (!isEventClass(cls) || base.classes.includes(cls))) return base;
  if (isEventClass(cls)) return byId.get(CLASS_FALLBACK[cls])!;
  return base ?? byId.get(UNKNOWN_FALLBACK)!;
}

/** Built-in runbooks grouped by ecosystem, in catalogue order. */
export function runbooksByEcosystem<T extends Runbook = Runbook>(runbooks: readonly T[] = BUILTIN_RUNBOOKS as readonly T[]): { ecosystem: Ecosystem; runbooks: T[] }[] {
  return ECOSYSTEMS.map((ecosystem) => ({ ecosystem, runbooks: runbooks.filter((r) => r.ecosystem === ecosystem) })).filter((g) => g.runbooks.length > 0);
}

export { renderRunbook, renderCommand, renderText, shellQuote, placeholdersIn, PLACEHOLDER_RE } from "./render";
export type { RenderedRunbook, RenderedStep, RenderableRunbook, RenderOptions } from "./render";
export { deriveFields, goPrivatePattern, goProxyParts } from "./derive";
export { PLACEHOLDERS, exampleFields } from "./placeholders";
export { runbookContentSchema, parseStoredRunbook, validateRunbookContent, LIMITS as RUNBOOK_LIMITS } from "./schema";
export * from "./types";

// Generated incident titles name the failure class and the artifact it hit, e.g.
// "checksum mismatch: github.com/acme/greet@v1.0.0 in ledger-cli".
import type { FieldValue } from "../analysis/types";

const CLASS_LABELS: Record<string, string> = {
  enoent: "missing file",
  checksum_mismatch: "checksum mismatch",
  http_403: "403 Forbidden",
  http_401: "401 Unauthorized",
  not_found: "not found",
  auth_required: "authentication required",
  dns_failure: "DNS failure",
  timeout: "timeout",
  connection_refused: "connection refused",
  tls_error: "TLS error",
  permission_denied: "permission denied",
  disk_full: "disk full",
  out_of_memory: "out of memory",
  module_path_mismatch: "module path mismatch",
  missing_checksum_entry: "missing checksum entry",
  version_conflict: "version conflict",
  rate_limited: "rate limited",
  too_many_connections: "too many connections",
  compile_error: "compile error",
  test_failure: "test failure",
  process_exit: "process exited",
};

export function classLabel(cls: string): string {
  return CLASS_LABELS[cls] ?? cls.replace(/_/g, " ");
}

export function artifactOf(fields: Record<string, FieldValue>): string | null {
  const s = (k: string) => (fields[k] === undefined || fields[k] === "" ? undefined : String(fields[k]));
  const name = s("module") ?? s("package");
  if (name) return s("version") ? `${name}@${s("version")}` : name;
  // A trace's network failures name the peer by address (and port), not by host name.
  const peer = s("addr") && (s("port") ? `${s("addr")}:${s("port")}` : s("addr"));
  return s("path") ?? s("host") ?? s("url") ?? s("database") ?? peer ?? s("test") ?? s("syscall") ?? null;
}

export function incidentTitle(cls: string, fields: Record<string, FieldValue>, repo?: string | null): string {
  const artifact = artifactOf(fields);
  const where = repo ? ` in ${repo.replace(/^.*\//, "")}` : "";
  const title = `${classLabel(cls)}${artifact ? `: ${artifact}` : ""}${where}`;
  return title.length > 200 ? `${title.slice(0, 197)}...` : title;
}

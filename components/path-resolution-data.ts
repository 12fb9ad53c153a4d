// A failed path split the way the path-resolution view draws it: the part the trace shows existing,
// the first component that does not exist, and what lies beyond it (never reached).
import type { StoredTraceReport } from "@/lib/services/stored-trace-report";

export type PathResolution = StoredTraceReport["pathResolutions"][number];

export interface PathSegments {
  existing: string;
  missing: string;
  rest: string;
}

export function pathSegments(r: Pick<PathResolution, "resolved" | "existingPrefix" | "missingComponent">): PathSegments {
  const path = r.resolved;
  const prefix = r.existingPrefix && path.startsWith(r.existingPrefix) ? r.existingPrefix : "";
  const after = path.slice(prefix.length);
  const sep = after.startsWith("/") ? "/" : "";
  const tail = after.slice(sep.length);
  if (r.missingComponent && (tail === r.missingComponent || tail.startsWith(`${r.missingComponent}/`))) {
    return { existing: prefix + sep, missing: r.missingComponent, rest: tail.slice(r.missingComponent.length) };
  }
  return { existing: prefix, missing: "", rest: after };
}

/** The root cause's path first (matched by pid and line), then the others in trace order. */
export function orderResolutions(all: readonly PathResolution[], root: { pid?: number; line?: number; file?: string | null } | null): PathResolution[] {
  const isRoot = (r: PathResolution) => !!root && r.pid === root.pid && r.line === root.line && (!root.file || !r.file || r.file === root.file);
  return [...all.filter(isRoot), ...all.filter((r) => !isRoot(r))];
}

// Path arithmetic and what the trace itself proves about the file system: which paths exist (seen by a
// successful lookup, as a cwd or as a `-y` fd decoration), so a failed path can be explained as
// "everything up to X exists, component Y is the first the trace never shows existing".
import type { StracePathResolution } from "../types";
import { detach } from "./line-grammar";

/** Lexically normalise `rel` against directory `base` (no symlink resolution: the trace cannot show it). */
export function resolvePath(base: string | undefined, rel: string): string | undefined {
  // Fast path: already absolute and normal (no `.`/`..` segments, no `//`, no trailing `/`).
  if (rel.charCodeAt(0) === 47 && !rel.includes("/.") && !rel.includes("//") && (rel.length === 1 || !rel.endsWith("/"))) return rel;
  if (!rel.startsWith("/")) {
    if (!base || !base.startsWith("/")) return undefined;
    rel = base + "/" + rel;
  }
  const out: string[] = [];
  for (const part of rel.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}

export function parentOf(path: string): string | undefined {
  if (path === "/") return undefined;
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "/" : path.slice(0, slash);
}

export const basenameOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

const MAX_KNOWN = 100_000;

export class PathKnowledge {
  private readonly existing = new Set<string>(["/"]);

  /** A successful lookup: the path and every directory above it exist. */
  noteExists(path: string): void {
    if (this.existing.has(path)) return;
    for (let p: string | undefined = detach(path); p && !this.existing.has(p); p = parentOf(p)) {
      if (this.existing.size >= MAX_KNOWN) return;
      this.existing.add(p);
    }
  }

  exists(path: string): boolean {
    return this.existing.has(path);
  }

  /**
   * Explain a failed lookup of `raw` (resolved to `resolved`) with what the trace has shown so far:
   * the deepest existing prefix and, for a miss, the first component after it (the first one the trace
   * does not show to exist).
   */
  explain(raw: string, resolved: string, cwd: string | undefined, pid: number | undefined, line: number, missed: boolean): StracePathResolution {
    const res: StracePathResolution = { path: raw, resolved, line };
    if (cwd) res.cwd = cwd;
    if (pid !== undefined) res.pid = pid;
    let prefix = parentOf(resolved);
    while (prefix && !this.existing.has(prefix)) prefix = parentOf(prefix);
    if (!prefix) return res;
    res.existingPrefix = prefix;
    if (!missed || this.existing.has(resolved)) return res; // present but refused (EACCES…): nothing is missing
    const rest = resolved.slice(prefix === "/" ? 1 : prefix.length + 1);
    res.missingComponent = rest.split("/")[0];
    return res;
  }
}

// A syscall returned an error: decide whether it could matter and, if so, record it as a candidate.
// Failed calls are frequent (module-resolution probes alone can be thousands), so the path is cheap:
// a repeat of a pending failure only bumps a counter, and a new one is stored compactly.
import { parseFdRef, parseSockAddr, splitArgs } from "./args";
import { classifyFailure, isProbeSyscall, isRoutineMiss, isSharedObject, OPENS, type FailureKind } from "./classify";
import { stablePath } from "./event-list";
import { detach } from "./line-grammar";
import { basenameOf } from "./paths";
import { endpointName, type SocketDest } from "./socket-book";
import { candidateAt, pathArgOf, type CallSite, type PathArg, type TraceContext } from "./trace-context";

const RULE_BY_CALL: Record<string, string> = {
  getsockopt: "strace.so-error",
  poll: "strace.connect-timeout",
  ppoll: "strace.connect-timeout",
  select: "strace.connect-timeout",
  pselect6: "strace.connect-timeout",
};
const SOCKADDR_ARG: Record<string, number> = { connect: 1, bind: 1, sendto: 4 };

/**
 * `-1 ENOENT (No such file or directory)` → `No such file or directory` (the errno when there is no
 * text). `errno` is always the result's own (resultErrno), so the text depends on the result alone.
 */
export function errTextOf(result: string, errno: string): string {
  // The same few results over and over: remembered by result text.
  let text = errTexts.get(result);
  if (text === undefined) {
    text = detach(/\(([^)]*)\)\s*$/.exec(result)?.[1] ?? errno);
    if (errTexts.size >= 1_024) errTexts.clear();
    errTexts.set(detach(result), text);
  }
  return text;
}

const errTexts = new Map<string, string>();

export function onFailedCall(ctx: TraceContext, site: CallSite, name: string, args: string, result: string, rawErrno: string): void {
  if (rawErrno === "EINPROGRESS" && name === "connect") return noteConnecting(ctx, site, args);
  const kind = classifyFailure(name, rawErrno);
  const path = pathArgOf(ctx, site, name, args);
  if (path) return onPathFailure(ctx, site, name, path, result, rawErrno, kind, undefined, OPENS.has(name) ? args : undefined);
  if (!kind) return;

  const fd = parseFdRef(splitArgs(args, 1)[0]);
  const argIdx = SOCKADDR_ARG[name];
  const sa = argIdx !== undefined ? parseSockAddr(splitArgs(args, argIdx + 1)[argIdx]) : null;
  const dest: SocketDest | undefined = sa ? { ...sa, connecting: false } : fd ? ctx.sockets.get(site.tgid, fd.fd) : undefined;
  const errno = detach(rawErrno);
  if (name === "connect" && sa) ctx.report.endpoint(sa.family, sa.path ?? sa.addr ?? "?", sa.port, errno);
  if (dest) return addNetworkFailure(ctx, site, name, errno, errTextOf(result, errno), dest);

  // disk_full / out_of_memory / permission on non-path calls: name what the fd points at when known.
  const target = fd?.target ?? (fd ? ctx.procs.fdPath(site.pid, fd.fd) : undefined);
  const key = `${kind.cls}|${name}|${target ? stablePath(target) : ""}`;
  if (ctx.book.repeat(site.tgid, key, site)) return;
  ctx.book.add(site.tgid, candidateAt(site, name, kind, key, { type: "fd", errno, errText: errTextOf(result, errno), target }), true);
}

/** Calls that create their path (opens do with O_CREAT). */
const CREATES = new Set(["mkdir", "mkdirat", "creat", "mknod", "mknodat", "symlink", "symlinkat"]);

/**
 * A failed call of a path syscall (`kind`: classifyFailure of the call and errno; `errText`: errTextOf the
 * result, when known; `openArgs`: an open's argument text, for its flags).
 */
export function onPathFailure(
  ctx: TraceContext,
  site: CallSite,
  name: string,
  path: PathArg,
  result: string,
  rawErrno: string,
  kind: FailureKind | null,
  errText?: string,
  openArgs?: string,
): void {
  const where = path.resolved ?? path.raw;
  const memo = path.memo;
  if (memo ? memo.routine : isRoutineMiss(where)) return;
  // Noted once per path (later notes of it change nothing).
  if (!memo?.failedNoted) {
    ctx.report.fileFailed(path.raw, rawErrno, name, site.line);
    if (memo) memo.failedNoted = true;
  }
  // Trying to create it: a stat that found it missing was the first step, not a failure of its own.
  const creates = CREATES.has(name) || !!openArgs?.includes("O_CREAT");
  if (creates) {
    ctx.book.createAttempted(site.tgid, where);
    ctx.book.createFailed(where);
  }
  if (!kind) return;
  // Not creating a path is another failure than not finding it (a cache read that missed at start,
  // its write that failed at the end).
  let key: string;
  if (creates) key = `${kind.cls}:create|${where}`;
  else if (!memo) key = `${kind.cls}|${where}`;
  else if (memo.keyCls === kind.cls) key = memo.key;
  else {
    key = memo.key = `${kind.cls}|${where}`;
    memo.keyCls = kind.cls;
  }
  // An O_PATH open only looks the path up (no I/O), as a stat does.
  const probe = isProbeSyscall(name) || !!openArgs?.includes("O_PATH") || (OPENS.has(name) && isSharedObject(path.raw));
  if (ctx.book.repeat(site.tgid, key, site, !probe)) return;
  // A stat of a path the process just failed to create or open otherwise (`mkdir -p` checks after its
  // EACCES), or that any process failed to create (gcc looking for the object `as` could not write),
  // fails because of that failure: it is not a second one.
  if (probe && kind.cls === "enoent" && (ctx.book.pendingOn(site.tgid, where) || ctx.book.failedToCreate(where))) return;
  const errno = memo ? rawErrno : detach(rawErrno);
  const what = { type: "path" as const, errno, errText: errText ?? errTextOf(result, errno), raw: path.raw, resolved: path.resolved, base: path.base };
  const cand = candidateAt(site, name, kind, key, what, memo !== undefined);
  // Found later under the same name (another directory of a search path): it was a probe.
  cand.repairPath = where;
  cand.repairBase = memo ? memo.name : basenameOf(where);
  cand.probe = probe;
  ctx.book.add(site.tgid, cand, true);
}

/** A connect/send/recv (or a getsockopt SO_ERROR, a poll timeout) reported a network error for `dest`. */
export function addNetworkFailure(
  ctx: TraceContext,
  site: CallSite,
  name: string,
  errno: string,
  errText: string,
  dest: SocketDest,
  opts: { ruleId?: string; needsReport?: boolean; supersede?: boolean } = {},
): void {
  // The fd is a socket whatever the call: classify the errno as a connection outcome.
  const kind = classifyFailure("connect", errno);
  if (!kind || (dest.path && isRoutineMiss(dest.path))) return;
  const key = `${kind.cls}|net|${endpointName(dest)}`;
  if (ctx.book.repeat(site.tgid, key, site)) return;
  const ruleId = opts.ruleId ?? RULE_BY_CALL[name] ?? kind.ruleId;
  const cand = candidateAt(site, name, { cls: kind.cls, ruleId }, key, { type: "net", errno: detach(errno), errText, dest });
  if (dest.port !== undefined) cand.repairPort = dest.port;
  else if (dest.path) cand.repairPath = dest.path;
  cand.needsReport = opts.needsReport;
  cand.supersede = opts.supersede;
  ctx.book.add(site.tgid, cand, true);
}

function noteConnecting(ctx: TraceContext, site: CallSite, args: string): void {
  const parts = splitArgs(args, 2);
  const fd = parseFdRef(parts[0]);
  const sa = parseSockAddr(parts[1]);
  if (!fd || !sa) return;
  ctx.sockets.set(site.tgid, fd.fd, { ...sa, connecting: true });
  ctx.report.endpoint(sa.family, sa.path ?? sa.addr ?? "?", sa.port, "in progress");
}


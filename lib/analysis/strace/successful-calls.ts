// Successful syscalls that change what the analysis knows: processes (exec/fork/clone), cwd, which paths
// exist, sockets and their outcome, data received (DNS answers, HTTP status lines), messages written.
import { cStringText, decodeCString, parseFdRef, parseSockAddr, quotedStrings, remoteOfSocketTarget, splitArgs } from "./args";
import { EXECS, FORKS, isProbeSyscall, isPseudoFile, isRoutineMiss, OPENS, pathArgIndex } from "./classify";
import { addNetworkFailure } from "./failed-calls";
import { basenameOf } from "./paths";
import { onTimeoutKill } from "./process-exits";
import type { SocketDest } from "./socket-book";
import { onReceived, onTlsAlert, tlsAlertAt } from "./received-data";
import { detach, resultValue } from "./line-grammar";
import { type CallSite, markProductive, pathArgOf, pointOf, type PathArg, type TraceContext } from "./trace-context";

const SOCKET_CALLS = new Set(["connect", "getsockopt", "recvfrom", "recvmsg", "recv", "read", "close", "poll", "ppoll", "select", "pselect6"]);
const MESSAGE_CALLS = new Set(["write", "writev", "sendto", "sendmsg"]);
const PROCESS_CALLS = new Set(["chdir", "fchdir", "getcwd", "exit_group", "exit", "kill"]);
// Creating things is progress; removing them (rm -rf of a work dir on the way out) is cleanup.
const PRODUCTIVE_PATH_CALLS = new Set(["mkdir", "mkdirat", "rename", "renameat", "renameat2", "symlink", "symlinkat", "link", "linkat"]);

const interesting = new Map<string, boolean>();

/** Whether a successful call of this name needs more than counting (asked on every line, so memoised). */
export function isInteresting(name: string): boolean {
  let yes = interesting.get(name);
  if (yes === undefined) {
    yes = pathArgIndex(name) >= 0 || FORKS.has(name) || SOCKET_CALLS.has(name) || MESSAGE_CALLS.has(name) || PROCESS_CALLS.has(name);
    if (interesting.size < 1_000) interesting.set(name, yes);
  }
  return yes;
}

export function onSuccessfulCall(ctx: TraceContext, site: CallSite, name: string, args: string, result: string): void {
  if (MESSAGE_CALLS.has(name)) return onWrite(ctx, site, name, args);
  if (FORKS.has(name)) return onFork(ctx, site, name, args, result);
  if (SOCKET_CALLS.has(name)) return onSocketCall(ctx, site, name, args, result);
  if (name === "exit_group" || name === "exit") {
    const code = Number(args);
    const p = ctx.procs.get(site.pid);
    if (Number.isInteger(code)) p.exitRequested = code;
    if (name === "exit") p.threadExit = true;
    return;
  }
  if (name === "kill") return onKill(ctx, site, args);
  if (name === "getcwd") {
    const dir = cStringText(splitArgs(args, 1)[0]);
    if (dir?.startsWith("/")) {
      ctx.procs.setCwd(site.pid, dir);
      ctx.paths.noteExists(dir);
    }
    return;
  }
  if (name === "fchdir") {
    const fd = parseFdRef(args);
    ctx.procs.setCwd(site.pid, fd?.target ?? (fd ? ctx.procs.fdPath(site.pid, fd.fd) : undefined));
    return;
  }
  const path = pathArgOf(ctx, site, name, args);
  if (path) onPathSuccess(ctx, site, name, path, args, result);
}

/**
 * A successful call of a path syscall. `args` is only read for execs (their argv), `result` only for
 * opens (the descriptor), unless `openFd` says already which descriptor to note (null: none).
 */
export function onPathSuccess(ctx: TraceContext, site: CallSite, name: string, path: PathArg, args: string, result: string, openFd?: number | null): void {
  const where = path.resolved ?? path.raw;
  const memo = path.memo;
  if (path.resolved && !memo?.exists) {
    ctx.paths.noteExists(path.resolved);
    if (memo) memo.exists = ctx.paths.exists(path.resolved);
  }
  ctx.book.repairPath(site.tgid, where, memo ? memo.name : basenameOf(where), isProbeSyscall(name));
  if (name === "chdir") return ctx.procs.setCwd(site.pid, path.resolved);
  if (EXECS.has(name)) {
    const argv = splitArgs(args, 2)[1];
    ctx.procs.onExec(site.pid, path.raw, argv ? argvOf(argv) : undefined);
    // A new program image: failures of the old one can no longer explain how this one ends.
    ctx.book.settle(site.tgid, false, true);
    markProductive(ctx, site);
    return;
  }
  if (OPENS.has(name)) {
    // Noted once per path (later notes of it change nothing).
    if (!memo?.openedNoted) {
      ctx.report.fileOpened(where);
      if (memo) memo.openedNoted = true;
    }
    const fd = openFd !== undefined ? openFd : noteableFd(result);
    if (fd !== null) ctx.procs.noteFd(site.pid, fd, where);
    // Re-opening a file the process already had is no new work (a traceback reading the script again).
    if (!(memo ? memo.routine : isRoutineMiss(where)) && !isPseudoFile(where) && ctx.procs.firstOpen(site.tgid, where)) markProductive(ctx, site);
    return;
  }
  if (PRODUCTIVE_PATH_CALLS.has(name)) markProductive(ctx, site);
}

/** The descriptor an open returned, unless -y decorated it with its path (or there is none). */
function noteableFd(result: string): number | null {
  const fd = resultValue(result);
  return fd !== undefined && !result.includes("<") ? fd : null;
}

/** `["git", "clone", "/srv/x"]` (possibly `...`-truncated) → the strings. */
function argvOf(token: string): string[] {
  return splitArgs(token.slice(1, token.lastIndexOf("]") > 0 ? token.lastIndexOf("]") : undefined), 64)
    .map((a) => cStringText(a))
    .filter((a): a is string => a !== undefined);
}

function onFork(ctx: TraceContext, site: CallSite, name: string, args: string, result: string): void {
  const child = resultValue(result);
  if (child === undefined || child <= 0) return;
  const isThread = name.startsWith("clone") && args.includes("CLONE_THREAD");
  const known = ctx.procs.peek(child);
  const proc = ctx.procs.onChild(site.pid, child, isThread);
  // The child's first lines can precede the parent's clone result: move what it already collected.
  if (isThread && known) ctx.book.merge(child, proc.tgid);
  if (!proc.startedAt) {
    const t = site.time();
    proc.startedAt = t?.iso ?? t?.clock;
    proc.startKey = t?.sortKey;
  }
  markProductive(ctx, site);
}

function onWrite(ctx: TraceContext, site: CallSite, name: string, args: string): void {
  const c0 = args.charCodeAt(0);
  const c1 = args.charCodeAt(1);
  // Only stdout/stderr (fd 1 or 2, whatever -y says they point at) carry the program's own error messages.
  if ((c0 === 49 || c0 === 50) && (c1 === 44 || c1 === 60)) {
    if (ctx.book.wants(site.tgid)) ctx.book.message(site.tgid, pointOf(site), quotedStrings(args).join(""));
    return;
  }
  const alertAt = tlsAlertAt(args);
  if (alertAt >= 0 && alertAt < 256) return onSentAlert(ctx, site, name, args, alertAt);
  // An HTTP request on a socket: remember what was asked for, to name a failing answer.
  const http = args.indexOf(" HTTP/1.");
  if (http < 0 || http > 2_048) return;
  const request = /"(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) (\S+) HTTP\/1\./.exec(args.slice(0, http + 9));
  const lead = leadingFd(args);
  const dest = lead && ctx.sockets.get(site.tgid, lead.fd);
  if (request && dest) dest.request = detach(request[1].replace(/\?.*$/, ""));
}

/** A TLS alert record written to a socket: this side of the handshake gave up (a certificate it rejects). */
function onSentAlert(ctx: TraceContext, site: CallSite, name: string, args: string, at: number): void {
  const ref = parseFdRef(splitArgs(args, 1)[0]);
  const data = decodeCString(args.slice(at), 16);
  if (!ref || !data) return;
  onTlsAlert(ctx, site, name, data.bytes, destOf(ctx.sockets.get(site.tgid, ref.fd), remoteOfSocketTarget(ref.target)), true);
}

/** Where a socket goes: as its connect said, else as -yy decorated its descriptor (`TCP:[a:p->b:q]`). */
function destOf(dest: SocketDest | undefined, remote: ReturnType<typeof remoteOfSocketTarget>): SocketDest | undefined {
  return dest ?? (remote ? { ...remote, family: "AF_INET", connecting: false } : undefined);
}

/** Leading descriptor number of an argument list, and whether its `-y` decoration names a file path. */
function leadingFd(args: string): { fd: number; file: boolean } | null {
  let i = 0;
  let fd = 0;
  for (let c = args.charCodeAt(0); c >= 48 && c <= 57; c = args.charCodeAt(++i)) fd = fd * 10 + c - 48;
  if (i === 0) return null;
  return { fd, file: args.charCodeAt(i) === 60 && args.charCodeAt(i + 1) === 47 };
}

function onSocketCall(ctx: TraceContext, site: CallSite, name: string, args: string, result: string): void {
  if (name === "close") {
    const lead = leadingFd(args);
    if (lead && !lead.file) {
      const dest = ctx.sockets.get(site.tgid, lead.fd);
      // Closed while the connect was still in progress: the program gave up waiting (a dial timeout),
      // unless it reached the same endpoint another way (happy-eyeballs race).
      if (dest?.connecting && ctx.report.endpointResult(dest.family, dest.path ?? dest.addr ?? "?", dest.port) !== "connected") {
        addNetworkFailure(ctx, site, "connect", "ETIMEDOUT", "Connection timed out", dest, {
          ruleId: "strace.connect-abandoned",
          needsReport: true,
        });
      }
      if (dest) ctx.sockets.close(site.tgid, lead.fd);
    }
    if (lead) ctx.procs.closeFd(site.pid, lead.fd);
    return;
  }
  if (name === "read") {
    // Reads of files are the bulk of most traces: skip them before any parsing.
    const lead = leadingFd(args);
    if (!lead || lead.file) return;
  }
  if (name.endsWith("poll") || name.endsWith("select")) return onPollTimeout(ctx, site, name, args, result);
  const parts = splitArgs(args, name === "getsockopt" ? 4 : 2);
  const fd = parseFdRef(parts[0]);
  if (name === "connect") {
    const sa = parseSockAddr(parts[1]);
    if (!fd || !sa) return;
    ctx.sockets.set(site.tgid, fd.fd, { ...sa, connecting: false });
    ctx.report.endpoint(sa.family, sa.path ?? sa.addr ?? "?", sa.port, "connected");
    if (sa.port !== undefined) ctx.book.repairPort(site.tgid, sa.port);
    markProductive(ctx, site);
    return;
  }
  if (name === "getsockopt") return onSoError(ctx, site, fd?.fd, parts);
  // recvfrom/recvmsg/recv/read: DNS answers, HTTP status lines, PostgreSQL errors and TLS alerts received.
  if (!fd) return;
  const dest = ctx.sockets.get(site.tgid, fd.fd);
  const remote = remoteOfSocketTarget(fd.target);
  const dnsPort = dest?.port === 53 || remote?.port === 53 || args.includes("htons(53)");
  // Cheap gates before decoding: an HTTP status line, PostgreSQL backend messages or a TLS alert at the
  // data's start.
  // (`-x`/`-xx` print them in hex: `"\x48\x54\x54\x50\x2f` is "HTTP/".)
  const dataAt = Math.max(args.indexOf('"HTTP/'), args.indexOf('"E\\0\\0\\0'), args.indexOf('"R\\0\\0\\0'), args.indexOf('"\\x48\\x54\\x54\\x50\\x2f'), tlsAlertAt(args));
  if (!dnsPort && (dataAt < 0 || dataAt > 200)) return;
  const payload = name === "recvmsg" ? /iov_base=("(?:[^"\\]|\\.)*")/.exec(args)?.[1] : parts[1];
  const data = payload ? decodeCString(payload, 1_024) : null;
  if (data) onReceived(ctx, site, name, data.bytes, dnsPort, destOf(dest, remote));
}

/** `getsockopt(fd, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0`: the outcome of a non-blocking connect. */
function onSoError(ctx: TraceContext, site: CallSite, fd: number | undefined, parts: string[]): void {
  if (fd === undefined || parts[2] !== "SO_ERROR") return;
  const value = /^\[(\w+)\]/.exec(parts[3] ?? "")?.[1];
  const dest = ctx.sockets.get(site.tgid, fd);
  if (!dest || !value) return;
  dest.connecting = false;
  if (value === "0") {
    ctx.report.endpoint(dest.family, dest.path ?? dest.addr ?? "?", dest.port, "connected");
    if (dest.port !== undefined) ctx.book.repairPort(site.tgid, dest.port);
    markProductive(ctx, site);
    return;
  }
  ctx.report.endpoint(dest.family, dest.path ?? dest.addr ?? "?", dest.port, value);
  addNetworkFailure(ctx, site, "getsockopt", value, value, dest);
}

/**
 * poll/select returning `0 (Timeout)`: while waiting for a connect in progress, the dial timed out;
 * while waiting (a tenth of a second or more) to read from a connected TCP socket, the peer never
 * answered. The second happens in event loops that poll with a timeout and go on, so it is decisive only
 * when the process reports a timeout; of several such waits, the last (when it gave up) is the event.
 */
function onPollTimeout(ctx: TraceContext, site: CallSite, name: string, args: string, result: string): void {
  if (!result.startsWith("0 (Timeout)")) return;
  for (const m of args.matchAll(/(?:fd=|\[|, )(\d+)(?=[<,\]])/g)) {
    const dest = ctx.sockets.get(site.tgid, Number(m[1]));
    if (dest?.connecting) {
      dest.connecting = false;
      addNetworkFailure(ctx, site, name, "ETIMEDOUT", "Connection timed out", dest);
      return;
    }
  }
  // Waiting to read from a connected socket (and maybe the program's own wake-up fds), for a while.
  const waited = name === "poll" ? /^\[(.*)\], \d+, (\d+)$/.exec(args) : null;
  if (!waited || Number(waited[2]) < 100) return;
  for (const m of waited[1].matchAll(/\{fd=(\d+)[^}]*events=POLLIN[^}]*\}/g)) {
    const dest = ctx.sockets.get(site.tgid, Number(m[1]));
    if (dest && !dest.connecting && dest.port !== undefined) {
      const opts = { ruleId: "strace.read-timeout", needsReport: true, supersede: true };
      return addNetworkFailure(ctx, site, name, "ETIMEDOUT", "Timed out waiting for a reply", dest, opts);
    }
  }
}

/** `kill(PID, SIGKILL) = 0` by timeout(1) (`timeout -s KILL`): a SIGKILL is never shown as delivered. */
function onKill(ctx: TraceContext, site: CallSite, args: string): void {
  const m = /^(-?\d+), SIGKILL$/.exec(args);
  if (m && ctx.procs.programOf(site.pid) === "timeout") onTimeoutKill(ctx, site, Number(m[1]));
}

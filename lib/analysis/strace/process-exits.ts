// `+++ exited with N +++`, `+++ killed by SIG… +++` and `--- SIG… {…} ---` lines.
import type { FieldValue } from "../types";
import type { StraceLine } from "./line-grammar";
import { pointOf, type CallSite, type TraceContext } from "./trace-context";

/** x86-64 Linux signal numbers, for the shell-style status 128+N of a killed process. */
const SIGNAL_NUMBERS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10,
  SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18,
  SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26,
  SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

export function onExitLine(ctx: TraceContext, site: CallSite, line: StraceLine): void {
  const proc = ctx.procs.get(site.pid);
  const t = site.time();
  proc.endedAt = t?.iso ?? t?.clock;
  // A writer killed by SIGPIPE is the normal end of `producer | head`: not a failure.
  let failed: boolean;
  const fields: Record<string, FieldValue> = {};
  if (site.shownPid !== undefined) fields.pid = site.shownPid;
  if (line.kind === "exited") {
    proc.exitCode = line.exitCode;
    failed = line.exitCode !== 0;
    fields.exit_code = line.exitCode ?? 0;
  } else {
    proc.signal = line.signal;
    failed = line.signal !== "SIGPIPE";
    fields.signal = line.signal ?? "";
    const n = SIGNAL_NUMBERS[line.signal ?? ""];
    if (n) fields.exit_code = 128 + n;
    if (line.coreDumped) fields.core_dumped = 1;
  }
  if (site.tgid !== site.pid) fields.thread_of = site.tgid;
  if (failed) {
    const program = ctx.procs.programOf(site.pid) ?? "process";
    const status = line.kind === "exited" ? `exit ${line.exitCode}` : `${line.signal}`;
    ctx.events.add({
      cls: "process_exit",
      ruleId: "strace.process-exit",
      line: site.line,
      file: site.file,
      fileIndex: site.fileIndex,
      seq: site.seq,
      sortKey: t?.sortKey,
      timestamp: t?.iso,
      message:
        line.kind === "exited"
          ? `${program} (pid ${site.shownPid ?? "?"}) exited with ${line.exitCode}`
          : `${program} (pid ${site.shownPid ?? "?"}) killed by ${line.signal}${line.coreDumped ? " (core dumped)" : ""}`,
      fields: t?.iso || !t?.clock ? fields : { ...fields, time: t.clock },
      target: `${program}:${status}`,
      tgid: site.tgid,
    });
  }
  // The thread-group leader's line comes last: the process is over, judge what it left pending.
  if (site.pid === site.tgid) {
    proc.exitAt = pointOf(site);
    proc.opened = undefined; // (only asked while it runs)
    ctx.book.settle(site.tgid, failed);
  }
}

/**
 * `--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=P, …} ---` where P is timeout(1): the command
 * ran out of time. Other signal deliveries (SIGCHLD, SIGPIPE, a handled SIGINT) are not failures.
 */
export function onSignalLine(ctx: TraceContext, site: CallSite, line: StraceLine): void {
  if (line.signal !== "SIGTERM" && line.signal !== "SIGKILL" && line.signal !== "SIGINT") return;
  const sender = /si_pid=(\d+)/.exec(line.args)?.[1];
  if (!sender || !line.args.includes("SI_USER")) return;
  const senderPid = Number(sender);
  if (ctx.procs.tgidOf(senderPid) === site.tgid || ctx.procs.programOf(senderPid) !== "timeout") return;
  const program = ctx.procs.programOf(site.pid) ?? "process";
  addTimeoutEvent(ctx, site, { signal: line.signal ?? "", sender: "timeout" }, `timeout(1) sent ${line.signal} to ${program} (pid ${site.shownPid ?? "?"})`, `${program}:${line.signal}`);
}

/** timeout(1) killed its command with SIGKILL (`kill(PID, SIGKILL)`; 0 or a negative PID: its group). */
export function onTimeoutKill(ctx: TraceContext, site: CallSite, target: number): void {
  const program = target > 0 ? (ctx.procs.programOf(target) ?? "process") : "its process group";
  const fields = { syscall: "kill", signal: "SIGKILL", sender: "timeout", target_pid: target };
  // One event per timeout: its kill of the group afterwards is the same expiry.
  addTimeoutEvent(ctx, site, fields, `timeout(1) killed ${program}${target > 0 ? ` (pid ${target})` : ""} with SIGKILL`, "timeout:SIGKILL");
}

/** A timeout event at the call site: the sender's pid and the clock time join `fields`. */
function addTimeoutEvent(ctx: TraceContext, site: CallSite, fields: Record<string, FieldValue>, message: string, target: string): void {
  const t = site.time();
  if (site.shownPid !== undefined) fields.pid = site.shownPid;
  if (!t?.iso && t?.clock) fields.time = t.clock;
  ctx.events.add({
    cls: "timeout",
    ruleId: "strace.timeout-signal",
    line: site.line,
    file: site.file,
    fileIndex: site.fileIndex,
    seq: site.seq,
    sortKey: t?.sortKey,
    timestamp: t?.iso,
    message,
    fields,
    target,
    tgid: site.tgid,
  });
}

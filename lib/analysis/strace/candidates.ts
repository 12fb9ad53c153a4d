// Failures that might explain a process's non-zero exit, held per thread group until it exits.
// A failure stops being a candidate when a later call repairs it (the same path found, the same name
// executed, the same port reached, the same host resolved). At a non-zero exit the decisive ones are
// those the process itself reported (its later stdout/stderr names the path, host, or errno text); when
// it reported none, the last burst of failures with nothing productive after it.
import type { EventClass } from "../types";
import { reportableOf, type FailureTarget } from "./failure-targets";
import { ERRORISH, howReported, WARNING } from "./report-matching";
import type { StraceTime } from "./timestamps";

/** A point in the trace: position within its file, time stamp across -ff files. */
export interface TracePoint {
  seq: number;
  sortKey?: number;
  file?: string;
}

export interface Candidate extends TracePoint {
  /** Fold key within the process: class and target, never a pid or fd. */
  key: string;
  cls: EventClass;
  ruleId: string;
  syscall: string;
  pid?: number;
  line: number;
  fileIndex: number;
  /** When it happened (its ISO timestamp, or clock text when the trace has times but no date was given). */
  time?: StraceTime;
  what: FailureTarget;
  /** Repair keys: a later success on this path / port / host name clears the candidate. */
  repairPath?: string;
  repairPort?: number;
  repairNames?: string[];
  /** Basename of a failed path: a later success on the same name (another directory of a search path) repairs it. */
  repairBase?: string;
  /** stat/access/exec lookups and shared-object searches: when nothing was reported, real uses of a path rank first. */
  probe: boolean;
  /** Only a report by the process makes it decisive (an abandoned connect may just have lost a race). */
  needsReport?: boolean;
  /** A wait that timed out: a later one replaces it (the last is when the process gave up). */
  supersede?: boolean;
  count: number;
  repeatLines: number[];
  /** Latest repeat: a failure retried up to the end is as recent as its last attempt. */
  lastAt?: TracePoint;
  /** Successful calls the group had made by the latest occurrence (failures with equal marks form a burst). */
  okMark?: number;
  /** The probe of the same path this real use replaced, when close by in the same file: the event spans both. */
  firstLine?: number;
}

/** Where a repeat happened (the analyzer's reused call site). */
export interface RepeatSite {
  seq: number;
  line: number;
  file?: string;
  sortKey(): number | undefined;
}

/** Text written to stdout/stderr, assembled across writes up to a newline (some programs write byte by byte). */
interface Message {
  start: TracePoint;
  end: TracePoint;
  text: string;
}

/** Candidates by a repair key: most keys have one, kept as is; a second one makes a list. */
type Index<K> = Map<K, Candidate | Candidate[]>;

interface Group {
  cands: Map<string, Candidate>;
  byPath: Index<string>;
  byBase: Index<string>;
  byPort: Index<number>;
  byName: Index<string>;
  messages: Message[];
  partial?: Message;
  lastProductive?: TracePoint;
  okCount: number;
}

// Memory bounds: per live process, the latest pending failures and messages; live processes tracked.
/** Lines from a probe to the real use that replaces it within which the event spans both. */
const PROBE_SPAN = 12;
const MAX_CANDIDATES = 256;
const MAX_FAILED_CREATES = 1_024;
const MAX_MESSAGES = 32;
const MAX_MESSAGE_CHARS = 1_024;
const MAX_GROUPS = 512;
const MAX_REPEAT_LINES = 5;

/** The repeatLines of a candidate not repeated yet (shared: replaced, never added to). */
export const NO_LINES: number[] = [];

/** How a thread group ended, as far as the trace shows (CandidateBook.settle). */
export type Outcome = boolean | undefined | "thread-ended";

export class CandidateBook {
  private readonly groups = new Map<number, Group>();
  /** The group last looked up (most calls in a row are by one process). */
  private lastTgid = NaN;
  private lastGroup: Group | undefined;

  private find(tgid: number): Group | undefined {
    if (tgid === this.lastTgid) return this.lastGroup;
    this.lastTgid = tgid;
    return (this.lastGroup = this.groups.get(tgid));
  }

  private forget(tgid: number): void {
    this.groups.delete(tgid);
    this.lastTgid = NaN;
  }

  /**
   * `deferred`: settle only at the end (per-pid `-ff` files: a process's threads and its messages are in
   * different files, read one after the other). `failedOf` judges a group evicted to bound memory.
   */
  constructor(
    private readonly onDecisive: (c: Candidate) => void,
    private readonly failedOf: (tgid: number) => Outcome,
  ) {}

  deferred = false;

  /** The probe repeat() last dropped for a real use of its path, until add() takes the use's candidate. */
  private replaced: Candidate | undefined;

  private group(tgid: number): Group {
    let g = this.find(tgid);
    if (!g) {
      if (this.groups.size >= MAX_GROUPS) {
        const oldest = this.groups.keys().next().value as number;
        this.settle(oldest, this.failedOf(oldest), true);
      }
      g = { cands: new Map(), byPath: new Map(), byBase: new Map(), byPort: new Map(), byName: new Map(), messages: [], okCount: 0 };
      this.groups.set(tgid, g);
      this.lastTgid = NaN;
    }
    return g;
  }

  /**
   * A failure with this key is already pending: count the repeat (no candidate needs building). The
   * repeat's time is read only for -ff input, where it orders lines of different files.
   */
  repeat(tgid: number, key: string, at: RepeatSite, realUse = false): boolean {
    const g = this.find(tgid);
    const seen = g?.cands.get(key);
    if (!g || !seen) return false;
    // A probe of a path (stat, readlink) followed by a real use of it (open): the use is the failure,
    // stated from the probe on (add() gives the use's candidate the probe's line).
    if ((realUse && seen.probe) || seen.supersede) {
      this.drop(g, seen);
      this.replaced = seen;
      return false;
    }
    seen.count++;
    const sortKey = this.deferred ? at.sortKey() : undefined;
    // The candidate's own record of its latest repeat, updated in place.
    const lastAt = seen.lastAt;
    if (lastAt) {
      lastAt.seq = at.seq;
      lastAt.file = at.file;
      lastAt.sortKey = sortKey;
    } else seen.lastAt = { seq: at.seq, file: at.file, sortKey };
    seen.okMark = g.okCount;
    if (seen.repeatLines === NO_LINES) seen.repeatLines = [at.line];
    else if (seen.repeatLines.length < MAX_REPEAT_LINES) seen.repeatLines.push(at.line);
    return true;
  }

  /** `fresh`: the caller has just seen repeat() of this key return false, so it is not pending. */
  add(tgid: number, c: Candidate, fresh = false): void {
    if (!fresh && this.repeat(tgid, c.key, { seq: c.seq, line: c.line, file: c.file, sortKey: () => c.sortKey })) return;
    const probe = this.replaced;
    this.replaced = undefined;
    if (probe && probe.key === c.key && probe.supersede) {
      c.count += probe.count;
      c.repeatLines = [probe.line, ...probe.repeatLines].slice(0, MAX_REPEAT_LINES);
    } else if (probe && probe.key === c.key && probe.file === c.file) {
      const first = probe.firstLine ?? probe.line;
      if (c.line > first && c.line - first <= PROBE_SPAN) c.firstLine = first;
    }
    const g = this.group(tgid);
    if (g.cands.size >= MAX_CANDIDATES) this.drop(g, g.cands.values().next().value as Candidate);
    c.okMark = g.okCount;
    g.cands.set(c.key, c);
    if (c.repairPath !== undefined) push(g.byPath, c.repairPath, c);
    if (c.repairBase !== undefined) push(g.byBase, c.repairBase, c);
    if (c.repairPort !== undefined) push(g.byPort, c.repairPort, c);
    for (const n of c.repairNames ?? []) push(g.byName, n, c);
  }

  /** Whether a failure of `path` is pending in the group (any class). */
  pendingOn(tgid: number, path: string): boolean {
    const g = this.find(tgid);
    return g !== undefined && g.cands.size > 0 && g.byPath.has(path);
  }

  /**
   * A successful lookup of `path` clears failures of the same path, and of the same name elsewhere (a
   * search path). A stat or access that finds the path (`probe`) shows it exists, not that it may be
   * used: refused uses of it (an execve EACCES of a script without the x bit) stay.
   */
  repairPath(tgid: number, path: string, base: string, probe = false): void {
    const g = this.find(tgid);
    if (!g || g.cands.size === 0) return; // (the indexes hold only pending candidates)
    const keep = probe ? (c: Candidate) => c.cls === "permission_denied" : undefined;
    this.clear(g, g.byPath, path, keep);
    this.clear(g, g.byBase, base, keep);
  }

  /**
   * The process tried to create `path` (mkdir, an O_CREAT open) and failed: a probe that found it
   * missing was the first step of creating it, not a failure of its own.
   */
  createAttempted(tgid: number, path: string): void {
    const g = this.find(tgid);
    if (!g || g.cands.size === 0) return;
    this.clear(g, g.byPath, path, (c) => !(c.probe && c.cls === "enoent"));
  }

  /** A process failed to create `path` (any process: a compiler driver then looks for its child's output). */
  createFailed(path: string): void {
    if (this.failedCreates.size >= MAX_FAILED_CREATES) this.failedCreates.clear();
    this.failedCreates.add(path);
  }

  /** Whether some process failed to create `path`: a later lookup of it finding nothing follows from that. */
  failedToCreate(path: string): boolean {
    return this.failedCreates.has(path);
  }

  private readonly failedCreates = new Set<string>();

  repairPort(tgid: number, port: number): void {
    const g = this.find(tgid);
    if (g && g.cands.size) this.clear(g, g.byPort, port);
  }

  repairName(tgid: number, name: string): void {
    const g = this.find(tgid);
    if (g && g.cands.size) this.clear(g, g.byName, name);
  }

  private clear<K>(g: Group, index: Index<K>, key: K, keep?: (c: Candidate) => boolean): void {
    const found = index.get(key);
    if (found === undefined) return;
    if (keep) {
      for (const c of Array.isArray(found) ? [...found] : [found]) if (!keep(c)) this.drop(g, c);
      return;
    }
    index.delete(key);
    if (!Array.isArray(found)) return this.drop(g, found);
    for (const c of found) this.drop(g, c);
  }

  private drop(g: Group, c: Candidate): void {
    if (g.cands.get(c.key) === c) g.cands.delete(c.key);
    if (c.repairPath !== undefined) pull(g.byPath, c.repairPath, c);
    if (c.repairBase !== undefined) pull(g.byBase, c.repairBase, c);
    if (c.repairPort !== undefined) pull(g.byPort, c.repairPort, c);
    for (const n of c.repairNames ?? []) pull(g.byName, n, c);
  }

  /** Any successful call: it separates one burst of failures from the next. */
  tick(tgid: number): void {
    this.seenSuccess = true;
    const g = this.find(tgid);
    if (g) g.okCount++;
  }

  /** A call succeeded somewhere in the trace (else it shows failures only: `strace -Z`). */
  private seenSuccess = false;

  /** Whether the group has pending candidates (so its messages are worth keeping). */
  wants(tgid: number): boolean {
    return (this.find(tgid)?.cands.size ?? 0) > 0;
  }

  productive(tgid: number, at: TracePoint): void {
    const g = this.find(tgid);
    if (g && (!g.lastProductive || isAfter(at, g.lastProductive))) g.lastProductive = at;
  }

  message(tgid: number, at: TracePoint, text: string): void {
    const g = this.find(tgid);
    if (!g || g.cands.size === 0 || !text) return; // nothing pending that it could report
    const m = (g.partial ??= { start: at, end: at, text: "" });
    m.end = at;
    if (m.text.length < MAX_MESSAGE_CHARS) m.text += text.slice(0, MAX_MESSAGE_CHARS - m.text.length);
    if (text.includes("\n") || m.text.length >= MAX_MESSAGE_CHARS) this.flush(g);
  }

  private flush(g: Group): void {
    if (!g.partial) return;
    if (g.messages.length >= MAX_MESSAGES) g.messages.shift();
    g.messages.push(g.partial);
    g.partial = undefined;
  }

  /** A thread turned out to belong to another group: move what it collected. */
  merge(fromTgid: number, intoTgid: number): void {
    const from = this.find(fromTgid);
    if (!from || fromTgid === intoTgid) return;
    this.forget(fromTgid);
    this.flush(from);
    for (const c of from.cands.values()) this.add(intoTgid, c);
    const into = this.group(intoTgid);
    into.messages.push(...from.messages);
    into.messages.splice(0, Math.max(0, into.messages.length - MAX_MESSAGES));
    if (from.lastProductive && (!into.lastProductive || isAfter(from.lastProductive, into.lastProductive))) {
      into.lastProductive = from.lastProductive;
    }
  }

  /**
   * The group exited: `failed` true for a non-zero exit or a fatal signal, false for success, undefined
   * when the trace ends before it exits (only failures it reported itself are kept then), "thread-ended"
   * when all the trace shows is one thread whose work ended (read like a failed exit).
   */
  settle(tgid: number, failed: Outcome, now = !this.deferred): void {
    const g = this.find(tgid);
    if (!g || !now) return;
    this.forget(tgid);
    if (failed === false) return;
    this.flush(g);
    const live = [...g.cands.values()];
    const last = g.lastProductive;
    // A message counts when it is the final report (nothing productive followed it) or reads as an
    // error; a warning (the process went on) reports only network failures, which retries may hit.
    const counted = g.messages
      .map((m) => ({ m, final: !last || isAfter(m.end, last), warning: WARNING.test(m.text), lower: m.text.toLowerCase(), wording: new Map<string[], boolean>() }))
      .filter((x) => x.final || ERRORISH.test(x.m.text));
    const named = new Set<Candidate>();
    const reported = live.filter((c) => {
      const terms = counted.length ? reportableOf(c.syscall, c.what) : undefined;
      // A probe made before the process went on working needs the message to say it failed (make names
      // the target it stat()ed before building it); one in the final stretch is named by its path alone.
      if (terms?.needsWording && (!last || isAfter(c.lastAt ?? c, last))) terms.needsWording = false;
      return counted.some(({ m, final, warning, lower, wording }) => {
        if (!terms || !isAfter(m.end, c) || (!final && warning && !isNetwork(c))) return false;
        const how = howReported(m.text, terms, lower, wording);
        if (how === "named") named.add(c);
        return how !== null;
      });
    });
    // An HTTP error answer the process named by its URL outranks others it only worded ("404"): those
    // were probes (a sumdb `supported` check, an update notifier) answered the same way.
    const namedHttp = reported.some((c) => c.what.type === "http" && named.has(c));
    const kept = namedHttp ? reported.filter((c) => c.what.type !== "http" || named.has(c)) : reported;
    // A trace of failed calls only (`strace -Z`) shows no repairs and no progress: which of its failures
    // were tolerated cannot be told, so only reported ones count.
    const decisive = kept.length || !failed || !this.seenSuccess ? kept : lastBurst(live, last);
    // A connection retried and never established explains a failure even when the report of it is
    // lost (cut by -s, written by a library to a log): programs do not retry what they can do without.
    if (failed) for (const c of live) if (c.what.type === "net" && c.count >= 2 && !c.needsReport && !decisive.includes(c)) decisive.push(c);
    // A search in which every candidate failed (a PATH, an include path, config locations) stays one
    // event per candidate, the first being the root cause: as the labelled corpus reads such searches.
    decisive.sort((a, b) => a.seq - b.seq);
    for (const c of decisive) this.onDecisive(c);
  }

  settleAll(failedOf: (tgid: number) => Outcome): void {
    for (const tgid of [...this.groups.keys()]) this.settle(tgid, failedOf(tgid), true);
  }
}

function push<K>(index: Index<K>, key: K, c: Candidate): void {
  const found = index.get(key);
  if (found === undefined) index.set(key, c);
  else if (Array.isArray(found)) found.push(c);
  else index.set(key, [found, c]);
}

function pull<K>(index: Index<K>, key: K, c: Candidate): void {
  const found = index.get(key);
  if (found === undefined) return;
  if (!Array.isArray(found)) {
    if (found === c) index.delete(key);
    return;
  }
  // In place (clear() iterates a list it has already taken out of its index, never one pulled from).
  let n = 0;
  for (const x of found) if (x !== c) found[n++] = x;
  found.length = n;
  if (n === 0) index.delete(key);
}

/** Network failures (connect, DNS, HTTP…) are retried: a warning about one still reports it. */
const isNetwork = (c: Candidate) => c.what.type !== "path" && c.what.type !== "fd";

/**
 * Nothing reported: the failures of the final burst (no successful call between them) after the last
 * productive call, preferring real uses of a path over stat/access probes.
 */
function lastBurst(live: Candidate[], last: TracePoint | undefined): Candidate[] {
  const tail = live.filter((c) => !c.needsReport && (!last || isAfter(c.lastAt ?? c, last)));
  if (!tail.length) return [];
  const mark = Math.max(...tail.map((c) => c.okMark ?? 0));
  const burst = tail.filter((c) => (c.okMark ?? 0) === mark);
  const real = burst.filter((c) => !c.probe);
  // A client that tried its endpoints one after another (several hosts, IPv6 then IPv4) and was
  // refused by each: every refusal since it last got anywhere belongs to the failure, the first
  // being its start, though each attempt's own socket() came between them.
  if (burst.every((c) => isNetwork(c) && c.cls === burst[0].cls)) return tail.filter((c) => isNetwork(c) && c.cls === burst[0].cls);
  return real.length ? withMissingDirs(real, burst) : withoutVariants(burst);
}

/**
 * Probes of one name and of variants of it (`X`, then `X/.git`, `X.git`, `X.bundle`; a package `p` and
 * `p/__init__.py`): the name is what the program was looking for, the variants its ways of finding it.
 */
function withoutVariants(probes: Candidate[]): Candidate[] {
  return probes.filter((c) => {
    const p = pathOf(c);
    return !p || !probes.some((o) => o !== c && o.cls === c.cls && extendsPath(p, pathOf(o) ?? p));
  });
}

/** The path a path failure was about (resolved when it could be). */
const pathOf = (c: Candidate) => (c.what.type === "path" ? (c.what.resolved ?? c.what.raw) : undefined);

/** `longer` is `shorter` with a suffix (`.git`) or below it (`/index.js`). */
function extendsPath(longer: string, shorter: string): boolean {
  if (longer.length <= shorter.length || !longer.startsWith(shorter)) return false;
  const next = longer.charCodeAt(shorter.length);
  return next === 46 || next === 47;
}

/** `a` comes after `b`: by position within one file, by time stamp across -ff files. */
export function isAfter(a: TracePoint, b: TracePoint): boolean {
  if (a.file !== b.file && a.sortKey !== undefined && b.sortKey !== undefined) return a.sortKey >= b.sortKey;
  return a.seq > b.seq;
}

/**
 * Failures with the lookups of the directories they were in: probes of the same class in the same
 * burst whose path holds one of theirs (cargo stats a path dependency's directory, then opens its
 * manifest): the missing directory is where the failure starts.
 */
function withMissingDirs(failures: Candidate[], burst: Candidate[]): Candidate[] {
  const out = [...failures];
  for (const c of burst) {
    const path = pathOf(c);
    if (!c.probe || path === undefined || out.includes(c)) continue;
    const dir = `${path}/`;
    if (failures.some((f) => f.cls === c.cls && pathOf(f)?.startsWith(dir))) out.push(c);
  }
  return out;
}

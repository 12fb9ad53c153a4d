// Runs the analysis over one or more byte sources (a file, archive members, several uploads): splits
// lines, decides per source whether it is strace output (strace engine) or a build log (rule engine),
// reports progress, and assembles the result.
import type { AnalysisEvent, AnalysisResult, AnalyzeOptions, LineAnalyzer, LogGroup, LogLine, PartialResult, StepInfo } from "../types";
import { buildGateway } from "../rules/gateway";
import { RULES } from "../rules";
import { bodyRange, LineReader, type LineSink } from "../input/line-reader";
import { ParallelScanner, type ScannedChunk } from "../input/parallel-scanner";
import { BuildLogAnalyzer } from "./build-log-analyzer";
import { rootCauseOf } from "./root-cause";
import { ANALYZER_VERSION } from "../version";
import { loadStraceEngine, type ScannedTrace, type StraceAnalyzer, type TraceScanner } from "./strace-bridge";

export interface Source {
  /** Member or file name reported on events (omitted for a single plain input). */
  file?: string;
  /** Step name for a member that has no step markers of its own. */
  fallbackStep?: string;
  chunks: AsyncIterable<Uint8Array>;
}

export interface Collected {
  format: string;
  events: AnalysisEvent[];
  steps: StepInfo[];
  groups: LogGroup[];
  groupsTruncated: boolean;
  strace?: PartialResult;
  stats: { lines: number; bytes: number; droppedEvents: number };
}

const SAMPLE_LINES = 50;
const PROGRESS_EVERY = 4 << 20;
/** Inputs larger than this get the parallel pre-scan (thread start-up is not worth it below). */
const parallelAfter = () => Number(process.env.FAULTLINE_PARALLEL_AFTER_MB ?? 32) * (1 << 20);
/** Chunks scanned ahead of the one being consumed. */
const SCAN_AHEAD = 6;
const GATEWAY = buildGateway(RULES);

type StraceKind = "strace" | "strace-summary";

/** A sink that can also take runs of complete lines as raw bytes (LineAnalyzer.pushLines: the strace analyzer). */
type ByteLineSink = LineSink & { pushLines?: LineAnalyzer["pushLines"]; pushScanned?: StraceAnalyzer["pushScanned"] };

/** Feeds the first lines to format detection, then routes everything to the chosen engine. */
class Router implements LineSink {
  private sample: LogLine[] = [];
  private target: ByteLineSink | null = null;

  constructor(private readonly choose: (sample: LogLine[]) => ByteLineSink) {}

  push(line: LogLine): void {
    if (this.target) return this.target.push(line);
    this.sample.push(line);
    if (this.sample.length >= SAMPLE_LINES) this.decide();
  }

  wantsEveryLine(): boolean {
    return this.target === null || this.target.wantsEveryLine();
  }

  /** The chosen sink's byte path, once there is one. */
  lineBytes(): LineAnalyzer["pushLines"] {
    return this.target?.pushLines;
  }

  /** The chosen sink's way of taking lines scanned on a worker (large traces), once there is one. */
  scannedLines(): StraceAnalyzer["pushScanned"] {
    return this.target?.pushScanned;
  }

  /** True once the input was recognised as a build log (routed to the rule engine). */
  isBuildLog(build: LineSink): boolean {
    return this.target === build;
  }

  decide(): void {
    if (this.target) return;
    this.target = this.choose(this.sample);
    for (const line of this.sample) this.target.push(line);
    this.sample = [];
  }
}

export async function collect(sources: AsyncIterable<Source> | Iterable<Source>, opts: AnalyzeOptions = {}): Promise<Collected> {
  const build = new BuildLogAnalyzer(!!opts.keepLines);
  const straces = new Map<StraceKind, LineAnalyzer>();
  let usedBuild = false;
  let lines = 0;
  let bytes = 0;
  let lastProgress = 0;
  const strace = await loadStraceEngine();

  const choose = (sample: LogLine[]): ByteLineSink => {
    const kind = strace?.detectStrace(sample.map((l) => l.text));
    if (strace && kind) {
      try {
        let a = straces.get(kind);
        if (!a) straces.set(kind, (a = strace.createStraceAnalyzer(kind, opts)));
        const pushLines = a.pushLines?.bind(a);
        const pushScanned = (a as StraceAnalyzer).pushScanned?.bind(a);
        return { push: (l) => a!.push(l), wantsEveryLine: () => true, pushLines, pushScanned };
      } catch {
        // No strace engine available: read it as a plain log rather than failing.
      }
    }
    usedBuild = true;
    return build;
  };

  let scanner: ParallelScanner | null | undefined;
  // Large traces: workers scan the lines of chunks ahead for the strace analyzer (same design), as many
  // as there are idle cores while the trace begins.
  let traceScanner: TraceScanner | null | undefined;
  let idleCores: (() => number) | undefined;
  const queue: { chunk: Uint8Array; scan: Promise<ScannedChunk> | null; trace?: Promise<ScannedTrace> }[] = [];
  let streamed = 0;

  try {
    for await (const src of sources) {
      build.beginFile(src.file, src.fallbackStep);
      const router = new Router(choose);
      const reader = new LineReader(router, GATEWAY, src.file);
      let pending = false;
      const consume = async () => {
        const item = queue.shift()!;
        const scanned = item.scan ? await item.scan : null;
        const traced = item.trace ? await item.trace : null;
        const pushLines = scanned ? undefined : router.lineBytes();
        const pushScanned = router.scannedLines();
        if (traced && pushScanned) feedScanned(reader, traced, pushScanned, src.file);
        else if (pushLines) feedLines(reader, item.chunk, pushLines, src.file);
        else reader.write(scanned ? scanned.chunk : item.chunk, scanned?.result);
        if (opts.onProgress && bytes + reader.bytes - lastProgress >= PROGRESS_EVERY) {
          lastProgress = bytes + reader.bytes;
          opts.onProgress({ bytes: lastProgress, events: build.eventCount });
        }
      };
      for await (const chunk of src.chunks) {
        streamed += chunk.length;
        // Large build logs: workers locate hit lines ahead while this thread consumes in order.
        if (scanner === undefined && streamed > parallelAfter() && router.isBuildLog(build)) scanner = ParallelScanner.create(GATEWAY);
        if (!idleCores && router.scannedLines()) idleCores = strace?.TraceScanPool.idleCoresSince();
        const tracing = !scanner && streamed > parallelAfter() && !!router.scannedLines();
        if (tracing && traceScanner === undefined) traceScanner = strace?.TraceScanPool.create(idleCores?.()) ?? null;
        const range = scanner || (tracing && traceScanner) ? bodyRange(chunk, pending) : null;
        if (chunk.length) pending = chunk[chunk.length - 1] !== 10;
        const body = range && range[1] > range[0];
        const trace = body && !scanner && tracing && traceScanner ? traceScanner.scan(chunk, range[0], range[1], src.file ?? opts.name) : undefined;
        // A scanned trace chunk is not kept: the scan holds what is left of it.
        queue.push({ chunk: trace ? NO_BYTES : chunk, scan: body && scanner ? scanner.scan(chunk, range[0], range[1]) : null, trace });
        if (queue.length > (scanner || trace ? SCAN_AHEAD : 0)) await consume();
      }
      while (queue.length) await consume();
      reader.end();
      router.decide();
      build.endFile(reader.lineNo);
      lines += reader.lineNo;
      bytes += reader.bytes;
    }
  } finally {
    // Workers keep the process alive: always stop them, also when a source fails mid-way.
    scanner?.close();
    traceScanner?.close();
  }
  const built = build.finish();
  const result: Collected = {
    format: built.format,
    events: built.events,
    steps: built.steps,
    groups: built.groups,
    groupsTruncated: built.groupsTruncated,
    stats: { lines, bytes, droppedEvents: built.dropped },
  };
  const straceResults = [...straces.values()].map((a) => a.finish());
  if (straceResults.length) {
    const [first] = straceResults;
    const events = straceResults.flatMap((r) => r.events);
    const merged: PartialResult = { ...first, events };
    if (straceResults.length > 1) Object.assign(merged, rootCauseOf(events));
    result.strace = merged;
    if (!usedBuild) result.format = first.format;
  }
  opts.onProgress?.({ bytes, events: result.events.length + (result.strace?.events.length ?? 0) });
  return result;
}

/**
 * The byte path (strace): the chunk's complete lines go to the analyzer as bytes, undecoded; the reader
 * still ends the line the previous chunk left partial, keeps the one this chunk leaves partial, and
 * counts lines and bytes.
 */
function feedLines(reader: LineReader, chunk: Uint8Array, pushLines: NonNullable<LineAnalyzer["pushLines"]>, file: string | undefined): void {
  const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const range = bodyRange(buf, reader.hasPartialLine);
  if (!range || range[1] === range[0]) return reader.write(buf);
  const [start, end] = range;
  if (start > 0) reader.write(buf.subarray(0, start));
  reader.lineNo += pushLines(buf, start, end, reader.lineNo + 1, file);
  reader.bytes += end - start;
  if (end < buf.length) reader.write(buf.subarray(end));
}

/** The lines of a chunk a worker scanned for the strace analyzer, and the partial lines around them. */
function feedScanned(reader: LineReader, t: ScannedTrace, pushScanned: NonNullable<StraceAnalyzer["pushScanned"]>, file: string | undefined): void {
  if (t.head.length) reader.write(t.head);
  reader.lineNo += pushScanned(t, reader.lineNo + 1, file);
  reader.bytes += t.bytes;
  if (t.tail.length) reader.write(t.tail);
}

const NO_BYTES = new Uint8Array(0);

/** Builds the public result: merges engines, picks the root cause, adds stats and version. */
export function toResult(c: Collected, startedAt: number): AnalysisResult {
  const stats = { lines: c.stats.lines, bytes: c.stats.bytes, ms: Math.round(performance.now() - startedAt) };
  const droppedEvents = c.stats.droppedEvents ? { droppedEvents: c.stats.droppedEvents } : {};
  if (c.strace && c.events.length === 0) {
    return { ...c.strace, stats: { ...stats, ...droppedEvents }, analyzerVersion: ANALYZER_VERSION };
  }
  const events = c.strace ? [...c.events, ...c.strace.events] : c.events;
  const { rootCause, causalChain } = rootCauseOf(events);
  const result: AnalysisResult = { format: c.format, events, rootCause, causalChain, stats: { ...stats, ...droppedEvents }, analyzerVersion: ANALYZER_VERSION };
  if (c.steps.length) result.steps = c.steps;
  if (c.groups.length) result.groups = c.groups;
  if (c.groupsTruncated) result.groupsTruncated = true;
  if (c.strace?.strace) result.strace = c.strace.strace;
  return result;
}

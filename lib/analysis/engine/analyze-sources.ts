// Runs the analysis over one or more byte sources (a file, archive members, several uploads): splits
// lines, decides per source whether it is strace output (strace engine) or a build log (rule engine),
// reports progress, and assembles the result.
import type { AnalysisEvent, AnalysisResult, AnalyzeOptions, LineAnalyzer, LogLine, PartialResult, StepInfo } from "../types";
import { buildGateway } from "../rules/gateway";
import { RULES } from "../rules";
import { LineReader, type LineSink } from "../input/line-reader";
import { BuildLogAnalyzer } from "./build-log-analyzer";
import { rootCauseOf } from "./root-cause";
import { ANALYZER_VERSION } from "../version";
import { loadStraceEngine } from "./strace-bridge";

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
  strace?: PartialResult;
  stats: { lines: number; bytes: number; droppedEvents: number };
}

const SAMPLE_LINES = 50;
const PROGRESS_EVERY = 4 << 20;
const GATEWAY = buildGateway(RULES);

type StraceKind = "strace" | "strace-summary";

/** Feeds the first lines to format detection, then routes everything to the chosen engine. */
class Router implements LineSink {
  private sample: LogLine[] = [];
  private target: LineSink | null = null;

  constructor(private readonly choose: (sample: LogLine[]) => LineSink) {}

  push(line: LogLine): void {
    if (this.target) return this.target.push(line);
    this.sample.push(line);
    if (this.sample.length >= SAMPLE_LINES) this.decide();
  }

  wantsEveryLine(): boolean {
    return this.target === null || this.target.wantsEveryLine();
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

  const choose = (sample: LogLine[]): LineSink => {
    const kind = strace?.detectStrace(sample.map((l) => l.text));
    if (strace && kind) {
      try {
        let a = straces.get(kind);
        if (!a) straces.set(kind, (a = strace.createStraceAnalyzer(kind, opts)));
        return { push: (l) => a!.push(l), wantsEveryLine: () => true };
      } catch {
        // No strace engine available: read it as a plain log rather than failing.
      }
    }
    usedBuild = true;
    return build;
  };

  for await (const src of sources) {
    build.beginFile(src.file, src.fallbackStep);
    const router = new Router(choose);
    const reader = new LineReader(router, GATEWAY, src.file);
    for await (const chunk of src.chunks) {
      reader.write(chunk);
      if (opts.onProgress && bytes + reader.bytes - lastProgress >= PROGRESS_EVERY) {
        lastProgress = bytes + reader.bytes;
        opts.onProgress({ bytes: lastProgress, events: build.eventCount });
      }
    }
    reader.end();
    router.decide();
    build.endFile(reader.lineNo);
    lines += reader.lineNo;
    bytes += reader.bytes;
  }
  const built = build.finish();
  const result: Collected = {
    format: built.format,
    events: built.events,
    steps: built.steps,
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
  if (c.strace?.strace) result.strace = c.strace.strace;
  return result;
}

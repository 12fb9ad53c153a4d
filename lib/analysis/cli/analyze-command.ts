// `faultline analyze <file|-> [--json]`: runs the engine and prints either one JSON document or a
// terminal report. Unreadable input exits with status 2 and a message on stderr.
import { access, stat } from "node:fs/promises";
import { analyzeFile } from "../analyze";
import type { AnalysisResult } from "../types";
import { renderReport } from "./report";

const USAGE = "usage: faultline analyze <file|-> [--json]\n";

export interface CommandIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

const defaultIO = (): CommandIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
});

export async function analyzeCommand(args: string[], io: CommandIO = defaultIO()): Promise<number> {
  const json = args.includes("--json");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--json");
  const paths = args.filter((a) => a === "-" || !a.startsWith("-"));
  if (unknown.length || paths.length !== 1) {
    io.stderr(unknown.length ? `faultline analyze: unknown option ${unknown[0]}\n${USAGE}` : USAGE);
    return 2;
  }
  const path = paths[0];
  const problem = path === "-" ? null : await unreadable(path);
  if (problem) {
    io.stderr(`faultline analyze: cannot read ${path}: ${problem}\n`);
    return 2;
  }
  let result: AnalysisResult;
  try {
    result = await analyzeFile(path, { keepLines: !json });
  } catch (err) {
    io.stderr(`faultline analyze: cannot analyze ${path}: ${(err as Error).message}\n`);
    return 2;
  }
  if (json) io.stdout(JSON.stringify(toJson(result)) + "\n");
  else io.stdout(renderReport(result, path, io.color));
  return 0;
}

async function unreadable(path: string): Promise<string | null> {
  try {
    await access(path);
    if ((await stat(path)).isDirectory()) return "is a directory";
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (err as Error).message;
  }
}

/** Evidence text stays out of the JSON document: the lines are in the input. */
function withoutLines(e: AnalysisResult["events"][number]): Omit<AnalysisResult["events"][number], "lines"> {
  const copy = { ...e };
  delete copy.lines;
  return copy;
}

/** The documented JSON shape first (format, events, rootCause, stats), then the extras. */
function toJson(r: AnalysisResult) {
  return {
    format: r.format,
    events: r.events.map(withoutLines),
    rootCause: r.rootCause,
    stats: r.stats,
    causalChain: r.causalChain,
    steps: r.steps,
    strace: r.strace,
    analyzerVersion: r.analyzerVersion,
  };
}

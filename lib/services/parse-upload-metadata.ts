// Upload metadata nobody typed in: what the file names say (a GitHub Actions run archive
// `logs_<runid>.zip`, a job log `<n>_<job>.txt`) and, after analysis, what the log says (the first
// and last timestamps, the CI system, the failed job of an archive). Given metadata always wins.
import type { AnalysisResult, StepInfo } from "../analysis/types";

export interface NameMetadata {
  runId?: string;
  ciProvider?: string;
  job?: string;
}

const RUN_ARCHIVE = /^logs_(\d+)(?: \(\d+\))?\.zip$/i;
const JOB_LOG = /^\d+_(.+)\.txt$/;

export function metadataFromNames(names: string[]): NameMetadata {
  const out: NameMetadata = {};
  const runIds = new Set<string>();
  const jobs = new Set<string>();
  for (const name of names) {
    let m = RUN_ARCHIVE.exec(name);
    if (m) runIds.add(m[1]);
    else if ((m = JOB_LOG.exec(name))) jobs.add(m[1].trim());
  }
  if (runIds.size === 1) out.runId = [...runIds][0];
  if (jobs.size === 1) out.job = [...jobs][0].slice(0, 300);
  if (runIds.size > 0 || jobs.size > 0) out.ciProvider = "github-actions";
  return out;
}

/** A step as stored on the upload (Upload.steps) for timelines. */
export type StoredStep = Pick<StepInfo, "name" | "file" | "startLine" | "endLine" | "startedAt" | "endedAt" | "failed">;

export interface AnalysisMetadata {
  startedAt: Date | null;
  finishedAt: Date | null;
  ciProvider: string | null;
  job: string | null;
  steps: StoredStep[];
}

export const MAX_STORED_STEPS = 500;

const FULL_TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d/;

function parseTime(s: string | undefined): number | null {
  if (!s || !FULL_TIMESTAMP.test(s)) return null; // clock-only times ("12:01:02") have no date
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
}

const PROVIDERS: [RegExp, string][] = [
  [/^github-actions/, "github-actions"],
  [/^gitlab/, "gitlab"],
  [/^buildkite/, "buildkite"],
  [/^jenkins/, "jenkins"],
];

/** The job an archive member belongs to: GitHub Actions archives keep each job's steps in `<job>/`. */
export function jobOfFile(file: string | undefined): string | null {
  if (!file) return null;
  const slash = file.indexOf("/");
  return slash > 0 ? file.slice(0, slash) : null;
}

export function metadataFromAnalysis(result: Pick<AnalysisResult, "format" | "events" | "steps">): AnalysisMetadata {
  let first = Infinity;
  let last = -Infinity;
  const see = (s: string | undefined) => {
    const t = parseTime(s);
    if (t === null) return;
    if (t < first) first = t;
    if (t > last) last = t;
  };
  const steps = result.steps ?? [];
  for (const s of steps) {
    see(s.startedAt);
    see(s.endedAt);
  }
  for (const e of result.events) see(e.timestamp);
  const jobs = new Set(steps.map((s) => jobOfFile(s.file)).filter((j): j is string => j !== null));
  const failedJobs = new Set(steps.filter((s) => s.failed).map((s) => jobOfFile(s.file)).filter((j): j is string => j !== null));
  const job = failedJobs.size === 1 ? [...failedJobs][0] : failedJobs.size === 0 && jobs.size === 1 ? [...jobs][0] : null;
  return {
    startedAt: Number.isFinite(first) ? new Date(first) : null,
    finishedAt: Number.isFinite(last) ? new Date(last) : null,
    ciProvider: PROVIDERS.find(([re]) => re.test(result.format))?.[1] ?? null,
    job: job?.slice(0, 300) ?? null,
    steps: steps.slice(0, MAX_STORED_STEPS).map((s) => ({
      name: s.name.slice(0, 300),
      ...(s.file ? { file: s.file } : {}),
      startLine: s.startLine,
      endLine: s.endLine,
      ...(s.startedAt ? { startedAt: s.startedAt } : {}),
      ...(s.endedAt ? { endedAt: s.endedAt } : {}),
      ...(s.failed ? { failed: true } : {}),
    })),
  };
}

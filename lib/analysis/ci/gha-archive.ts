// GitHub Actions log archives come in three layouts:
//   1. `N_job.txt` only (one file per job),
//   2. `job/N_step name.txt` per step plus a top-level `N_job.txt` that concatenates them,
//   3. legacy: a single `-2147483648_job.txt`.
// Members are read job by job, steps in order; a top-level job file whose job also has step files is
// read last and its events that repeat a step file's events are dropped (the step file is the better
// pointer).
import type { AnalysisEvent, StepInfo } from "../types";

export interface ArchiveMember {
  name: string;
  job: string;
  order: number;
  /** Top-level job file (`N_job.txt`) rather than a step file. */
  isJobFile: boolean;
  /** Step name for step files (`3_Run go build.txt` -> `Run go build`). */
  step?: string;
}

const JOB_FILE = /^(-?\d+)_(.+)\.txt$/;
const STEP_FILE = /^(.+)\/(\d+)_(.+)\.txt$/;

export function planArchive(names: string[]): ArchiveMember[] {
  const jobOrder = new Map<string, number>();
  const members: ArchiveMember[] = [];
  for (const name of names) {
    const top = name.includes("/") ? null : JOB_FILE.exec(name);
    if (top) {
      jobOrder.set(top[2], Number(top[1]));
      members.push({ name, job: top[2], order: Number(top[1]), isJobFile: true });
      continue;
    }
    const step = STEP_FILE.exec(name);
    if (step) members.push({ name, job: step[1], order: Number(step[2]), isJobFile: false, step: step[3] });
    else members.push({ name, job: name, order: 0, isJobFile: true });
  }
  const firstSeen = new Map<string, number>();
  members.forEach((m, i) => firstSeen.has(m.job) || firstSeen.set(m.job, i));
  const jobRank = (job: string) => jobOrder.get(job) ?? Number.MAX_SAFE_INTEGER;
  return members.sort(
    (a, b) =>
      jobRank(a.job) - jobRank(b.job) ||
      firstSeen.get(a.job)! - firstSeen.get(b.job)! ||
      Number(a.isJobFile) - Number(b.isJobFile) ||
      a.order - b.order ||
      a.name.localeCompare(b.name),
  );
}

/** Drops the job-file events (and steps) that the same job's step files already report. */
export function foldJobFiles(members: ArchiveMember[], events: AnalysisEvent[], steps: StepInfo[]): { events: AnalysisEvent[]; steps: StepInfo[] } {
  const byName = new Map(members.map((m) => [m.name, m]));
  const jobsWithSteps = new Set(members.filter((m) => !m.isJobFile).map((m) => m.job));
  const stepFingerprints = new Map<string, Set<string>>();
  for (const e of events) {
    const m = e.file ? byName.get(e.file) : undefined;
    if (!m || m.isJobFile) continue;
    let set = stepFingerprints.get(m.job);
    if (!set) stepFingerprints.set(m.job, (set = new Set()));
    set.add(e.fingerprint);
  }
  const keep = (file: string | undefined, fingerprint?: string) => {
    const m = file ? byName.get(file) : undefined;
    if (!m || !m.isJobFile || !jobsWithSteps.has(m.job)) return true;
    return fingerprint !== undefined && !stepFingerprints.get(m.job)?.has(fingerprint);
  };
  return {
    events: events.filter((e) => keep(e.file, e.fingerprint)),
    steps: steps.filter((s) => keep(s.file)),
  };
}

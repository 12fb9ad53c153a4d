// Keeps track of the CI step (GitHub step, GitLab section, Buildkite group, Jenkins stage) each line
// belongs to, and the steps' line ranges and times for timelines.
//
// GitHub Actions prints a step's command inside `##[group]Run ...`/`##[endgroup]` and its output after
// the endgroup, so `##[endgroup]` does not end the step; the next `Run`/`Post` group does. Groups that
// a tool opens inside a step's output (`##[group]Installing ...`) are sub-groups and do not start a step.
import type { StepInfo } from "../types";
import type { Marker } from "./line-prefix";

export const GHA_STEP = /^(?:Run|Post|Pre) |^(?:Set up job|Complete job|Post job cleanup\.?)$/;

export class StepTracker {
  readonly steps: StepInfo[] = [];
  private current: StepInfo | null = null;
  private sections: StepInfo[] = [];
  private sawStepGroup = false;
  private fallback: string | undefined;
  private stepsAtFileStart = 0;

  constructor(private file?: string) {}

  get name(): string | undefined {
    return this.current?.name ?? this.fallback;
  }

  /**
   * Switches to a new file: steps never span files. `fallback` names the step of a file that has no
   * markers of its own (an archive member `job/3_Run go build.txt`).
   */
  setFile(file: string | undefined, fallback?: string): void {
    this.close();
    this.file = file;
    this.sections = [];
    this.sawStepGroup = false;
    this.fallback = fallback;
    this.stepsAtFileStart = this.steps.length;
  }

  onMarker(marker: Marker, lineNo: number, timestamp?: string): void {
    switch (marker.kind) {
      case "group": {
        const isStep = GHA_STEP.test(marker.name);
        if (isStep) this.sawStepGroup = true;
        // Once the log shows real step groups, other groups are sub-groups of the current step.
        if (isStep || !this.sawStepGroup) this.open(marker.name, lineNo, timestamp);
        break;
      }
      case "section-start":
        if (this.current) this.sections.push(this.current);
        this.open(marker.name, lineNo, marker.at ?? timestamp, false);
        break;
      case "section-end": {
        if (this.current?.name === marker.name) {
          this.current.endLine = lineNo;
          this.current.endedAt = marker.at ?? timestamp;
          this.current = this.sections.pop() ?? null;
        }
        break;
      }
      case "endgroup":
        break;
    }
  }

  /** Remembers the latest time seen so the open step's end time is known. */
  touch(lineNo: number, timestamp?: string): void {
    if (!this.current) return;
    this.current.endLine = lineNo;
    if (timestamp) this.current.endedAt = timestamp;
  }

  markFailed(): void {
    if (this.current) this.current.failed = true;
  }

  /** Closes the open step at the file's last line. */
  finishFile(lastLine: number, failed = false): void {
    if (this.fallback && this.steps.length === this.stepsAtFileStart) {
      const step: StepInfo = { name: this.fallback, startLine: 1, endLine: Math.max(1, lastLine) };
      if (this.file !== undefined) step.file = this.file;
      if (failed) step.failed = true;
      this.steps.push(step);
    }
    if (this.current) this.current.endLine = Math.max(this.current.endLine, lastLine);
    for (const s of this.sections) s.endLine = Math.max(s.endLine, lastLine);
    this.current = null;
    this.sections = [];
  }

  private open(name: string, lineNo: number, timestamp?: string, closePrevious = true): void {
    if (closePrevious) this.close(lineNo - 1);
    const step: StepInfo = { name, startLine: lineNo, endLine: lineNo };
    if (this.file !== undefined) step.file = this.file;
    if (timestamp) step.startedAt = timestamp;
    this.steps.push(step);
    this.current = step;
  }

  private close(endLine?: number): void {
    if (this.current && endLine !== undefined) this.current.endLine = Math.max(this.current.startLine, endLine);
    this.current = null;
  }
}

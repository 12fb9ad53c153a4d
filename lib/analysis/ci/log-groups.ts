// Finds the collapsible regions of a CI log the way each CI's own viewer draws them, from the markers
// line-prefix.ts recognises. Fed during analysis (which already reads every marker line), so the log
// viewer gets a finished index and never scans a large log itself.
//
// - GitHub Actions: `##[group]Run …` starts a step whose `##[endgroup]` closes only the command echo;
//   the step's output follows and the step runs until the next step header (the raw-log form the
//   corpus shows). Other `##[group]`/`::group::` regions end at their endgroup and do not nest.
// - GitLab: `section_start`/`section_end` pairs nest; the header text is the visible name.
// - Buildkite (`---`, `+++`, `~~~`) and Jenkins stages: a group runs until the next header.
import type { LogGroup } from "../types";
import type { CiKind, Marker } from "./line-prefix";
import { GHA_STEP } from "./step-tracker";

/** Groups kept per analysis; a log with more keeps the first ones (the rest are not collapsible). */
export const MAX_LOG_GROUPS = 20_000;

type Until = "next-step" | "endgroup" | "section" | "next-header";
interface Open {
  group: LogGroup;
  until: Until;
  /** GitLab section id (the name shown is the header text). */
  id?: string;
}

export class GroupTracker {
  readonly groups: LogGroup[] = [];
  truncated = false;
  private stack: Open[] = [];
  /** The open step's own `##[group]` (its command echo): the next `##[endgroup]` ends nothing. */
  private echoOpen = false;
  private file: string | undefined;
  private lastTime: string | undefined;

  setFile(file: string | undefined): void {
    this.stack = [];
    this.echoOpen = false;
    this.lastTime = undefined;
    this.file = file;
  }

  /** `label`: the visible text on the marker line (GitLab prints the section's header there). */
  onMarker(marker: Marker, ci: CiKind | undefined, lineNo: number, timestamp?: string, label?: string): void {
    switch (marker.kind) {
      case "group":
        if (ci === "github-actions") return this.ghaGroup(marker.name, lineNo, timestamp);
        this.closeThrough("next-header", lineNo - 1, timestamp);
        this.open({ name: marker.name, kind: "group", line: lineNo }, "next-header", timestamp, ci === "buildkite" ? (marker.open ? "expanded" : "collapsed") : undefined);
        return;
      case "endgroup":
        if (this.echoOpen) this.echoOpen = false;
        else if (this.top()?.until === "endgroup") this.closeTop(lineNo, timestamp);
        return;
      case "section-start": {
        const name = label?.trim() || marker.name;
        this.open({ name, kind: "section", line: lineNo }, "section", marker.at ?? timestamp, marker.collapsed ? "collapsed" : undefined, marker.name);
        return;
      }
      case "section-end": {
        const at = this.stack.findLastIndex((o) => o.until === "section" && o.id === marker.name);
        if (at < 0) return;
        while (this.stack.length > at + 1) this.closeTop(lineNo, marker.at ?? timestamp);
        this.closeTop(lineNo, marker.at ?? timestamp);
        return;
      }
    }
  }

  /** Remembers the latest time seen: the end time of groups still open at the end of the file. */
  touch(timestamp?: string): void {
    if (timestamp) this.lastTime = timestamp;
  }

  finishFile(lastLine: number): void {
    while (this.stack.length) this.closeTop(Math.max(lastLine, this.top()!.group.line), this.lastTime);
    this.echoOpen = false;
  }

  private ghaGroup(name: string, lineNo: number, timestamp?: string): void {
    // GitHub groups do not nest: a new header ends an open plain group.
    this.closeThrough("endgroup", lineNo - 1, timestamp, true);
    if (GHA_STEP.test(name)) {
      this.closeThrough("next-step", lineNo - 1, timestamp);
      this.open({ name, kind: "step", line: lineNo }, "next-step", timestamp);
      this.echoOpen = true;
    } else {
      this.echoOpen = false;
      this.open({ name, kind: "group", line: lineNo }, "endgroup", timestamp);
    }
  }

  private open(g: Omit<LogGroup, "endLine" | "depth">, until: Until, startedAt?: string, initially?: LogGroup["initially"], id?: string): void {
    const group: LogGroup = { ...g, endLine: g.line, depth: this.stack.length };
    if (this.file !== undefined) group.file = this.file;
    if (startedAt) group.startedAt = startedAt;
    if (initially) group.initially = initially;
    this.stack.push(id === undefined ? { group, until } : { group, until, id });
    if (this.groups.length < MAX_LOG_GROUPS) this.groups.push(group);
    else this.truncated = true;
  }

  /**
   * Ends the innermost open group of kind `until` and everything opened inside it, at `endLine`
   * (the line before the header that ends them). `onlyOnTop`: only when it is the innermost one.
   */
  private closeThrough(until: Until, endLine: number, at?: string, onlyOnTop = false): void {
    const idx = onlyOnTop ? (this.top()?.until === until ? this.stack.length - 1 : -1) : this.stack.findLastIndex((o) => o.until === until);
    if (idx < 0) return;
    while (this.stack.length > idx) this.closeTop(endLine, at);
  }

  private closeTop(endLine: number, at?: string): void {
    const { group } = this.stack.pop()!;
    group.endLine = Math.max(group.line, endLine);
    const end = at ?? this.lastTime;
    if (end && (!group.startedAt || end >= group.startedAt)) group.endedAt = end;
  }

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }
}

// The build-log analyzer: turns the (slow-path) lines of one or more files into events. It strips CI
// prefixes, tracks steps, runs the rule table, keeps a multi-line statement open while continuation
// lines arrive, and hands finished statements to the event store.
import { GroupTracker } from "../ci/log-groups";
import { parseLinePrefix, type CiKind } from "../ci/line-prefix";
import { StepTracker } from "../ci/step-tracker";
import type { LineSink } from "../input/line-reader";
import { RULES } from "../rules";
import type { Fields, Rule, RuleContext } from "../rules/rule";
import type { AnalysisEvent, LogGroup, LogLine, StepInfo } from "../types";
import { EventStore } from "./event-store";
import { fingerprintOf } from "./fingerprint";
import { addGroups, MATCH_CHARS, RuleMatch, RuleMatcher } from "./rule-matcher";

// Lines that echo commands or are debug chatter: never failure statements themselves.
const NOT_STATEMENTS = /^(?:\++ |\$ |npm (?:verbose|silly|sill|verb|timing|info|notice) |npm http fetch \w+ [123]\d\d |\[command\])/;
const NPM_SCRIPT_HEADER = /^> (?:@[^/\s]+\/)?([^@\s/]+)@\S+ \S+/;
const MAX_KEPT_LINES = 20;
const MAX_TEXT_PARTS = 24;

interface OpenStatement {
  rule: Rule;
  fields: Fields;
  line: LogLine;
  lastLine: number;
  timestamp?: string;
  step?: string;
  message: string;
  indent: number;
  parts: string[];
  kept?: string[];
  absorbed: number;
  confirmed: boolean;
}

const indentOf = (s: string) => s.length - s.trimStart().length;

export class BuildLogAnalyzer implements LineSink {
  readonly store = new EventStore();
  private readonly ctx: RuleContext = {};
  private readonly matcher = new RuleMatcher(RULES, this.ctx);
  private readonly steps = new StepTracker();
  private readonly groups = new GroupTracker();
  private open: OpenStatement | null = null;
  private file: string | undefined;
  private ciSeen = new Map<CiKind, number>();

  constructor(private readonly keepLines = false) {}

  beginFile(file: string | undefined, fallbackStep?: string): void {
    this.file = file;
    this.steps.setFile(file, fallbackStep);
    this.groups.setFile(file);
  }

  endFile(lastLine: number): void {
    this.closeOpen();
    const failed = this.store.events.some((e) => e.file === this.file && e.class !== "process_exit");
    this.steps.finishFile(lastLine, failed);
    this.groups.finishFile(lastLine);
  }

  wantsEveryLine(): boolean {
    return this.open !== null;
  }

  get eventCount(): number {
    return this.store.events.length;
  }

  push(line: LogLine): void {
    const p = parseLinePrefix(line.text, line.timestamp);
    if (p.ci) this.ciSeen.set(p.ci, (this.ciSeen.get(p.ci) ?? 0) + 1);
    if (p.marker) {
      this.closeOpen();
      this.steps.onMarker(p.marker, line.no, p.timestamp);
      this.groups.onMarker(p.marker, p.ci, line.no, p.timestamp, p.body);
    }
    this.steps.touch(line.no, p.timestamp);
    this.groups.touch(p.timestamp);
    const body = p.body;
    if (this.open) {
      if (this.continues(this.open, body)) return this.absorb(this.open, body, line);
      this.closeOpen();
    }
    if (!body || NOT_STATEMENTS.test(body)) {
      const header = body && NPM_SCRIPT_HEADER.exec(body);
      if (header) this.ctx.projectName = header[1];
      return;
    }
    if (body.charCodeAt(0) === 62 /* > */) {
      const header = NPM_SCRIPT_HEADER.exec(body);
      if (header) this.ctx.projectName = header[1];
    }
    const m = this.matcher.match(body);
    if (m === "benign") return;
    if (m === null) {
      if (p.annotation?.file && p.annotation.level === "error") this.annotationEvent(line, body, p.annotation, p.timestamp);
      return;
    }
    const st = this.start(m, line, body, p.timestamp);
    if (m.rule.continuation) this.open = st;
    else this.emit(st, m.cls!);
  }

  /** Events, steps and the detected CI format; root cause is decided by the caller over all inputs. */
  finish(): { events: AnalysisEvent[]; steps: StepInfo[]; groups: LogGroup[]; groupsTruncated: boolean; format: string; dropped: number } {
    this.closeOpen();
    let format = "plain";
    let best = 0;
    for (const [kind, n] of this.ciSeen) if (n > best) [format, best] = [kind, n];
    const { groups, truncated: groupsTruncated } = this.groups;
    return { events: this.store.events, steps: this.steps.steps, groups, groupsTruncated, format, dropped: this.store.dropped };
  }

  private start(m: RuleMatch, line: LogLine, body: string, timestamp?: string): OpenStatement {
    const st: OpenStatement = {
      rule: m.rule,
      fields: m.fields,
      line,
      lastLine: line.no,
      timestamp,
      step: this.steps.name,
      message: body.trim().slice(0, 500),
      indent: indentOf(body),
      parts: [body.slice(0, MATCH_CHARS)],
      absorbed: 0,
      confirmed: !m.rule.continuation?.confirm,
    };
    if (this.keepLines) st.kept = [body.slice(0, 300)];
    return st;
  }

  private continues(st: OpenStatement, body: string): boolean {
    const c = st.rule.continuation!;
    if (st.absorbed >= (c.max ?? 40)) return false;
    if (c.deeper && body.length > 0 && indentOf(body) > st.indent) return true;
    if (c.line?.test(body)) return true;
    return !!c.blank && body.trim() === "";
  }

  private absorb(st: OpenStatement, body: string, line: LogLine): void {
    const c = st.rule.continuation!;
    st.absorbed++;
    if (body.trim() === "") return;
    st.lastLine = line.no;
    const text = body.length > MATCH_CHARS ? body.slice(0, MATCH_CHARS) : body;
    for (const re of c.fields ?? []) {
      const m = re.exec(text);
      if (m) addGroups(st.fields, m.groups);
    }
    if (!st.confirmed && c.confirm?.test(text)) st.confirmed = true;
    if (st.parts.length < MAX_TEXT_PARTS) st.parts.push(text);
    if (st.kept && st.kept.length < MAX_KEPT_LINES) st.kept.push(body.slice(0, 300));
  }

  private closeOpen(): void {
    const st = this.open;
    if (!st) return;
    this.open = null;
    if (!st.confirmed) return;
    const rule = st.rule;
    if (rule.post && rule.post(st.fields, this.ctx) === false) return;
    const cls = typeof rule.class === "function" ? rule.class(st.fields, st.parts.join("\n")) : rule.class;
    if (cls) this.emit(st, cls);
  }

  private emit(st: OpenStatement, cls: AnalysisEvent["class"]): void {
    const rule = st.rule;
    const event: AnalysisEvent = {
      class: cls,
      line: st.line.no,
      endLine: st.lastLine,
      message: st.message,
      fields: st.fields,
      fingerprint: fingerprintOf(cls, rule.ecosystem, rule.key, st.fields, st.message),
      count: 1,
      ruleId: rule.id,
      ecosystem: rule.ecosystem,
    };
    if (this.file !== undefined) event.file = this.file;
    if (st.timestamp) event.timestamp = st.timestamp;
    if (st.step) event.step = st.step;
    if (rule.runbookId) event.runbookId = rule.runbookId;
    if (st.kept) event.lines = st.kept;
    const role = cls === "process_exit" ? "exit" : (rule.role ?? "cause");
    this.store.add({ event, role, foldWindow: rule.foldWindow ?? 60, foldAny: !!rule.foldAny, fillAll: !!rule.fillAll, foldInto: rule.foldInto });
    if (role !== "echo") this.steps.markFailed();
  }

  /** `::error file=x,line=n::msg` that no rule explains: a problem matcher reporting source code. */
  private annotationEvent(line: LogLine, body: string, a: { file?: string; line?: number; col?: number }, timestamp?: string): void {
    const fields: Fields = { file: a.file!, message: body.trim() };
    if (a.line !== undefined) fields.lineno = a.line;
    if (a.col !== undefined) fields.col = a.col;
    const rule: Rule = { id: "ci.annotation", ecosystem: "ci", class: "compile_error", literals: [], pattern: /$^/, key: ["file", "lineno", "message"] };
    const st = this.start({ rule, fields }, line, body, timestamp);
    this.emit(st, "compile_error");
  }
}

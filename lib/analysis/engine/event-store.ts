// Collects events and folds repeats:
// - the same fingerprint in the same step folds into the first occurrence (count, repeatLines);
// - summaries fold into the latest compatible event of their class (or any class, `foldAny`);
// - echoes fold into the event just before them, or disappear.
// Distinct events are capped so a pathological log cannot exhaust memory; repeats still fold.
import type { Role } from "../rules/rule";
import type { AnalysisEvent, FieldValue } from "../types";

export const MAX_EVENTS = 10_000;
const MAX_REPEAT_LINES = 10;
const ECHO_WINDOW = 6;
const GENERIC_ECOSYSTEMS = new Set(["net", "http", "fs", "os", "ci", "python", "node"]);
// Fields that tell two statements apart; a summary must not fold into an event that disagrees on them.
const IDENTITY_FIELDS = ["url", "package", "module", "image", "host", "revision"];

export interface Draft {
  event: AnalysisEvent;
  role: Role;
  foldWindow: number;
  foldAny: boolean;
  fillAll: boolean;
  foldInto?: string[];
}

interface Meta {
  scope: string;
  ecosystem: string;
}

export class EventStore {
  readonly events: AnalysisEvent[] = [];
  dropped = 0;
  private meta: Meta[] = [];
  private byFingerprint = new Map<string, number>();
  /** Event indexes per scope, in line order (summaries search only their own step). */
  private byScope = new Map<string, number[]>();
  /** Per scope: the event stated most recently (added or folded into) and on which line. */
  private lastStated = new Map<string, { index: number; line: number }>();

  add(d: Draft): void {
    const e = d.event;
    const scope = `${e.file ?? ""}\u0000${e.step ?? ""}`;
    if (d.role === "echo") {
      const last = this.lastStated.get(scope);
      if (last && e.line - last.line <= ECHO_WINDOW) this.fold(last.index, e, false);
      return;
    }
    if (d.role === "summary") {
      const target = this.summaryTarget(d, scope);
      if (target >= 0) {
        this.fold(target, e, true);
        this.lastStated.set(scope, { index: target, line: e.endLine });
        if (d.fillAll) this.fillAll(scope, e);
        return;
      }
    }
    const key = `${scope}\u0000${e.fingerprint}`;
    const same = this.byFingerprint.get(key);
    if (same !== undefined) {
      this.fold(same, e, true);
      this.lastStated.set(scope, { index: same, line: e.endLine });
      return;
    }
    if (this.events.length >= MAX_EVENTS) {
      this.dropped++;
      return;
    }
    this.byFingerprint.set(key, this.events.length);
    this.lastStated.set(scope, { index: this.events.length, line: e.endLine });
    const list = this.byScope.get(scope);
    if (list) list.push(this.events.length);
    else this.byScope.set(scope, [this.events.length]);
    this.events.push(e);
    this.meta.push({ scope, ecosystem: e.ecosystem ?? "" });
  }

  private summaryTarget(d: Draft, scope: string): number {
    const e = d.event;
    const list = this.byScope.get(scope) ?? [];
    for (let j = list.length - 1; j >= 0; j--) {
      const i = list[j];
      const other = this.events[i];
      if (e.line - other.line > d.foldWindow) break;
      if (!d.foldAny && other.class !== e.class) continue;
      if (d.foldInto && !d.foldInto.some((p) => other.ruleId.startsWith(p))) continue;
      if (!this.sameEcosystem(this.meta[i].ecosystem, e.ecosystem ?? "")) continue;
      if (IDENTITY_FIELDS.some((k) => conflicts(other.fields[k], e.fields[k]))) continue;
      return i;
    }
    return -1;
  }

  private sameEcosystem(a: string, b: string): boolean {
    return a === b || GENERIC_ECOSYSTEMS.has(a) || GENERIC_ECOSYSTEMS.has(b);
  }

  private fold(index: number, e: AnalysisEvent, counts: boolean): void {
    const target = this.events[index];
    if (counts) {
      target.count++;
      if (e.line !== target.line) {
        target.repeatLines ??= [];
        if (target.repeatLines.length < MAX_REPEAT_LINES) target.repeatLines.push(e.line);
      }
    } else {
      target.endLine = Math.max(target.endLine, e.endLine);
    }
    for (const [k, v] of Object.entries(e.fields)) if (target.fields[k] === undefined) target.fields[k] = v;
  }

  private fillAll(scope: string, e: AnalysisEvent): void {
    for (const i of this.byScope.get(scope) ?? []) {
      if (this.events[i].class !== e.class) continue;
      for (const [k, v] of Object.entries(e.fields)) this.events[i].fields[k] ??= v;
    }
  }
}

function conflicts(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return !(x === y || x.startsWith(y) || y.startsWith(x));
}

// Folds the same failure seen in several uploads (same fingerprint) into one row for display, and those
// rows into one section per error class, each with counts and first/last occurrence on one clock.
import type { IncidentEventView } from "@/lib/services/get-incident";

export interface EventGroup {
  first: IncidentEventView;
  count: number;
  uploads: number;
  isRootCause: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface ClassGroup {
  class: string;
  count: number;
  uploads: number;
  isRootCause: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
  groups: EventGroup[];
}

const minIso = (a: string, b: string) => (b < a ? b : a);
const maxIso = (a: string, b: string) => (b > a ? b : a);

export function groupEvents(events: IncidentEventView[]): EventGroup[] {
  const groups = new Map<string, EventGroup & { uploadIds: Set<string> }>();
  for (const e of events) {
    const key = `${e.class}\u0000${e.fingerprint}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: e, count: e.count, uploads: 1, isRootCause: e.isRootCause, uploadIds: new Set([e.uploadId]), firstSeenAt: e.seenAt, lastSeenAt: e.seenAt });
      continue;
    }
    g.count += e.count;
    g.uploadIds.add(e.uploadId);
    g.uploads = g.uploadIds.size;
    g.isRootCause ||= e.isRootCause;
    g.firstSeenAt = minIso(g.firstSeenAt, e.seenAt);
    g.lastSeenAt = maxIso(g.lastSeenAt, e.seenAt);
  }
  return [...groups.values()].map(({ first, count, uploads, isRootCause, firstSeenAt, lastSeenAt }) => ({ first, count, uploads, isRootCause, firstSeenAt, lastSeenAt }));
}

/** Sections by class: the root cause's class first, then the most stated; rows keep their order within. */
export function groupEventsByClass(events: IncidentEventView[]): ClassGroup[] {
  const sections = new Map<string, ClassGroup & { uploadIds: Set<string> }>();
  for (const g of groupEvents(events)) {
    const cls = g.first.class;
    let s = sections.get(cls);
    if (!s) {
      s = { class: cls, count: 0, uploads: 0, isRootCause: false, firstSeenAt: g.firstSeenAt, lastSeenAt: g.lastSeenAt, groups: [], uploadIds: new Set() };
      sections.set(cls, s);
    }
    s.groups.push(g);
    s.count += g.count;
    s.isRootCause ||= g.isRootCause;
    s.firstSeenAt = minIso(s.firstSeenAt, g.firstSeenAt);
    s.lastSeenAt = maxIso(s.lastSeenAt, g.lastSeenAt);
  }
  for (const e of events) sections.get(e.class)?.uploadIds.add(e.uploadId);
  return [...sections.values()]
    .map(({ uploadIds, ...s }) => ({ ...s, uploads: uploadIds.size }))
    .sort((a, b) => Number(b.isRootCause) - Number(a.isRootCause) || b.count - a.count || a.class.localeCompare(b.class));
}

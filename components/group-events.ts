// Folds events already in memory the way the incident page's events table shows them (the page groups
// in Postgres: lib/services/group-incident-events.ts, which is tested against this): the same failure
// seen in several uploads (same class and fingerprint) is one row, first stated at its lowest
// (upload, sequence); rows go into one section per error class, each with counts and first/last
// occurrence on one clock; root-cause rows first within a section, then in order of first statement.
import type { IncidentEventView } from "@/lib/services/get-incident";
import { compareClassGroups, type ClassGroup, type EventGroup } from "@/lib/services/group-incident-events";

export type { ClassGroup, EventGroup } from "@/lib/services/group-incident-events";

const minIso = (a: string, b: string) => (b < a ? b : a);
const maxIso = (a: string, b: string) => (b > a ? b : a);

/** Events in (upload, sequence) order, as the services list them. */
export function groupEvents(events: IncidentEventView[]): EventGroup[] {
  const groups = new Map<string, EventGroup & { uploadIds: Set<string> }>();
  for (const e of events) {
    const key = `${e.class}\u0000${e.fingerprint}`;
    const g = groups.get(key);
    if (!g) {
      const first = { id: e.id, uploadId: e.uploadId, class: e.class, line: e.line, endLine: e.endLine, file: e.file, step: e.step, message: e.message };
      groups.set(key, { first, count: e.count, uploads: 1, isRootCause: e.isRootCause, uploadIds: new Set([e.uploadId]), firstSeenAt: e.seenAt, lastSeenAt: e.seenAt });
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

/** Sections by class: the root cause's class first, then the most stated; at most `perClass` rows each (totals stay exact). */
export function groupEventsByClass(events: IncidentEventView[], perClass = Infinity): ClassGroup[] {
  const sections = new Map<string, ClassGroup & { uploadIds: Set<string> }>();
  for (const g of groupEvents(events)) {
    const cls = g.first.class;
    let s = sections.get(cls);
    if (!s) {
      s = { class: cls, count: 0, uploads: 0, isRootCause: false, firstSeenAt: g.firstSeenAt, lastSeenAt: g.lastSeenAt, distinct: 0, groups: [], uploadIds: new Set() };
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
    .map(({ uploadIds, groups, ...s }) => ({
      ...s,
      uploads: uploadIds.size,
      distinct: groups.length,
      // Stable: root-cause rows first, the rest keep the order of first statement.
      groups: [...groups].sort((a, b) => Number(b.isRootCause) - Number(a.isRootCause)).slice(0, perClass),
    }))
    .sort(compareClassGroups);
}

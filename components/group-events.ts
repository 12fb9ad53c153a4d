// Folds the same failure seen in several uploads (same fingerprint) into one row for display.
import type { IncidentEventView } from "@/lib/services/get-incident";

export interface EventGroup {
  first: IncidentEventView;
  count: number;
  uploads: number;
  isRootCause: boolean;
}

export function groupEvents(events: IncidentEventView[]): EventGroup[] {
  const groups = new Map<string, EventGroup & { uploadIds: Set<string> }>();
  for (const e of events) {
    const key = `${e.class}\u0000${e.fingerprint}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: e, count: e.count, uploads: 1, isRootCause: e.isRootCause, uploadIds: new Set([e.uploadId]) });
      continue;
    }
    g.count += e.count;
    g.uploadIds.add(e.uploadId);
    g.uploads = g.uploadIds.size;
    g.isRootCause ||= e.isRootCause;
  }
  return [...groups.values()].map((g) => ({ first: g.first, count: g.count, uploads: g.uploads, isRootCause: g.isRootCause }));
}

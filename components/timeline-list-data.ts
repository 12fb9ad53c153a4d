// How much of a timeline the page lists: every build, step, note and change, and the first failures
// (an incident of many builds can have a thousand; the chart counts them all, the events table lists
// each failure by class), so the list stays readable and the page light.
import type { TimelineItem } from "@/lib/services/get-incident";

export const LISTED_TIMELINE_EVENTS = 200;

/** Keeps the order; drops "event" entries after the first `maxEvents`. */
export function capTimelineEvents(items: readonly TimelineItem[], maxEvents = LISTED_TIMELINE_EVENTS): { items: TimelineItem[]; omittedEvents: number } {
  let events = 0;
  const kept = items.filter((t) => t.kind !== "event" || ++events <= maxEvents);
  return { items: kept, omittedEvents: items.length - kept.length };
}

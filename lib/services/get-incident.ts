// One incident with what the API shows: root cause, the builds it holds, their events, the timeline
// on one clock and the impact (both computed when read), action items. The page reads the same parts
// separately (get-incident-core.ts first, the heavy ones streamed after).
// Other features add fields here; consumers must ignore fields they do not know.
import type { TimelineItem } from "./build-timeline";
import type { IncidentImpact } from "./compute-impact";
import { findIncidentRow, incidentCoreOf, type IncidentCoreView } from "./get-incident-core";
import { impactOfBuilds } from "./get-incident-impact";
import { timelineOfBuilds } from "./get-incident-timeline";
import { eventsOfBuilds, type IncidentEventView } from "./list-incident-events";

export type { TimelineItem } from "./build-timeline";
export type { IncidentImpact } from "./compute-impact";
export type { IncidentCoreView, IncidentUploadView } from "./get-incident-core";
export { EVENT_LIMIT, type IncidentEventView } from "./list-incident-events";

export interface IncidentView extends IncidentCoreView {
  events: IncidentEventView[];
  /** More events exist than `events` holds (EVENT_LIMIT). */
  eventsTruncated: boolean;
  timeline: TimelineItem[];
  impact: IncidentImpact;
}

export async function getIncident(input: { incidentId: string; teamId: string }): Promise<IncidentView> {
  const inc = await findIncidentRow(input);
  const [core, events, timeline, impact] = await Promise.all([
    incidentCoreOf(inc),
    eventsOfBuilds(inc.uploads, inc.lastSeenAt),
    timelineOfBuilds(inc.id, inc.uploads),
    impactOfBuilds(inc),
  ]);
  // The API's field order, unchanged.
  const { actionItems, ...head } = core;
  return { ...head, events: events.events, eventsTruncated: events.truncated, timeline, impact, actionItems };
}

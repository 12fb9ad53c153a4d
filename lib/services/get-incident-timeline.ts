// An incident's timeline (builds, steps, first events, stored entries), team-scoped: the page streams it.
import { db } from "../db/client";
import { buildTimeline, type TimelineItem } from "./build-timeline";
import { findIncidentBuilds } from "./get-incident-core";
import type { IncidentUploadRow } from "./incident-upload-view";

export async function timelineOfBuilds(incidentId: string, uploads: IncidentUploadRow[]): Promise<TimelineItem[]> {
  const entries = await db().timelineEntry.findMany({ where: { incidentId }, orderBy: [{ at: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
  return buildTimeline({ uploads, entries });
}

export async function getIncidentTimeline(input: { incidentId: string; teamId: string }): Promise<TimelineItem[]> {
  const inc = await findIncidentBuilds(input);
  return timelineOfBuilds(inc.id, inc.uploads);
}

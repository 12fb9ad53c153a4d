// What the incident page reads, once per request (React cache): the cheap core first, the trace parts
// (shared by the trace and timeline sections) bounded to the drawn trace's build.
import { cache } from "react";
import { notFound } from "next/navigation";
import { prepareIncidentTrace, primaryTraceOf, type IncidentTrace } from "@/components/incident-trace-data";
import { currentCaller } from "@/lib/http/authenticate";
import { NotFoundError } from "@/lib/services/errors";
import { getIncidentCore, type IncidentCoreView } from "@/lib/services/get-incident-core";
import { getTraceReports } from "@/lib/services/get-trace-reports";
import { incidentHasEventsOutside, listIncidentEvents } from "@/lib/services/list-incident-events";

export const loadIncidentCore = cache(async (id: string): Promise<IncidentCoreView> => {
  const caller = await currentCaller();
  try {
    return await getIncidentCore({ incidentId: id, teamId: caller.teamId });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
});

export const loadIncidentTrace = cache(async (id: string): Promise<IncidentTrace> => {
  const [caller, incident] = await Promise.all([currentCaller(), loadIncidentCore(id)]);
  const scope = { incidentId: id, teamId: caller.teamId };
  const traces = await getTraceReports({ teamId: caller.teamId, uploadIds: incident.uploads.map((u) => u.id) });
  const primary = primaryTraceOf(traces, incident.rootCause);
  const [events, eventsOutsideTraces] = await Promise.all([
    primary ? listIncidentEvents({ ...scope, uploadIds: [primary.uploadId] }).then((r) => r.events) : [],
    traces.length > 0 ? incidentHasEventsOutside({ ...scope, uploadIds: traces.map((t) => t.uploadId) }) : true,
  ]);
  return prepareIncidentTrace({ rootCause: incident.rootCause, events, eventsOutsideTraces }, traces);
});

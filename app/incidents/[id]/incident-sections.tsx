// The incident page's sections that read more than the core, each an async server component; the heavy
// ones are streamed in their own Suspense boundary, so the header and root cause are sent at once
// however many events there are.
import { EventTable } from "@/components/event-table";
import { ImpactTable } from "@/components/impact-table";
import { IncidentBuilds } from "@/components/incident-builds";
import { IncidentMergeForm } from "@/components/incident-merge-form";
import { RunbookView } from "@/components/runbook-view";
import { SwimlaneChart } from "@/components/swimlane-chart";
import { TimelineChart } from "@/components/timeline-chart";
import { prepareTimelineChart } from "@/components/timeline-chart-data";
import { TimelineList } from "@/components/timeline-list";
import { capTimelineEvents } from "@/components/timeline-list-data";
import { TimelineNoteForm } from "@/components/timeline-note-form";
import { TraceReportSection } from "@/components/trace-report-section";
import { currentCaller } from "@/lib/http/authenticate";
import { renderRunbook } from "@/lib/runbooks";
import type { IncidentCoreView } from "@/lib/services/get-incident-core";
import { getIncidentImpact } from "@/lib/services/get-incident-impact";
import { getIncidentTimeline } from "@/lib/services/get-incident-timeline";
import { getRunbook } from "@/lib/services/get-runbook";
import { groupIncidentEvents } from "@/lib/services/group-incident-events";
import { listIncidents } from "@/lib/services/list-incidents";
import { addImpactRowAction, addNoteAction, addRunbookActionItem, mergeIncidentAction, moveUploadsAction, removeImpactRowAction, splitIncidentAction } from "./actions";
import { loadIncidentTrace } from "./incident-data";

async function teamScope(incidentId: string) {
  const caller = await currentCaller();
  return { incidentId, teamId: caller.teamId };
}

async function scope(incidentId: string) {
  const caller = await currentCaller();
  return { incidentId, teamId: caller.teamId, readOnly: !caller.scopes.includes("write") };
}

export async function IncidentTraceSection({ incidentId }: { incidentId: string }) {
  const trace = await loadIncidentTrace(incidentId);
  if (!trace.primary) return null;
  return <TraceReportSection uploadId={trace.primary.uploadId} report={trace.primary.report} rootCause={trace.rootCause} threadOf={trace.threadOf} traceCount={trace.traceCount} />;
}

export async function IncidentImpactSection({ incidentId, status }: { incidentId: string; status: string }) {
  const { readOnly, ...s } = await scope(incidentId);
  const impact = await getIncidentImpact(s);
  return (
    <ImpactTable
      impact={impact}
      status={status}
      addAction={addImpactRowAction.bind(null, incidentId)}
      removeAction={removeImpactRowAction.bind(null, incidentId)}
      disabled={readOnly}
    />
  );
}

export async function IncidentTimelineSection({ incidentId }: { incidentId: string }) {
  const { readOnly, ...s } = await scope(incidentId);
  const [timeline, trace] = await Promise.all([getIncidentTimeline(s), loadIncidentTrace(incidentId)]);
  const chart = prepareTimelineChart(timeline.filter((t) => t.kind === "event" && t.class).map((t) => ({ at: t.at, class: t.class!, count: t.count ?? 1 })));
  // The chart counts every failure; the list shows the first ones (the events table has them all).
  const listed = capTimelineEvents(timeline);
  return (
    <>
      {trace.swimlanes ? <SwimlaneChart data={trace.swimlanes} /> : null}
      {trace.onlyTraces ? null : <TimelineChart data={chart} />}
      <TimelineNoteForm action={addNoteAction.bind(null, incidentId)} disabled={readOnly} />
      <TimelineList items={listed.items} omittedEvents={listed.omittedEvents} />
    </>
  );
}

/** A merged-away incident's own history (its builds are elsewhere now). */
export async function IncidentTimelineList({ incidentId }: { incidentId: string }) {
  const listed = capTimelineEvents(await getIncidentTimeline(await teamScope(incidentId)));
  return <TimelineList items={listed.items} omittedEvents={listed.omittedEvents} />;
}

export async function IncidentRunbookSection({ incidentId, rootCause }: { incidentId: string; rootCause: NonNullable<IncidentCoreView["rootCause"]> }) {
  const caller = await currentCaller();
  const runbook = renderRunbook(await getRunbook({ teamId: caller.teamId, key: rootCause.runbookId, eventClass: rootCause.class }), rootCause.fields);
  return <RunbookView runbook={runbook} onMakeActionItem={addRunbookActionItem.bind(null, incidentId)} />;
}

export async function IncidentBuildsSection({ incident }: { incident: IncidentCoreView }) {
  const { readOnly, teamId } = await scope(incident.id);
  const list = await listIncidents({ teamId, limit: 200 });
  const others = list.items
    .filter((i) => i.id !== incident.id)
    .map((i) => ({ id: i.id, title: `${i.title} (${i.status}, ${i.occurrenceCount} build${i.occurrenceCount === 1 ? "" : "s"})` }));
  return (
    <>
      <IncidentBuilds
        uploads={incident.uploads}
        others={others}
        splitAction={splitIncidentAction.bind(null, incident.id)}
        moveAction={moveUploadsAction.bind(null, incident.id)}
        disabled={readOnly}
      />
      <IncidentMergeForm others={others} action={mergeIncidentAction.bind(null, incident.id)} disabled={readOnly} />
    </>
  );
}

export async function IncidentEventsSection({ incidentId }: { incidentId: string }) {
  return <EventTable sections={await groupIncidentEvents(await teamScope(incidentId))} />;
}

// One incident: what broke, since when, its impact and timeline, and the evidence lines.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionItemList } from "@/components/action-item-list";
import { EventTable } from "@/components/event-table";
import { ImpactTable } from "@/components/impact-table";
import { prepareIncidentTrace } from "@/components/incident-trace-data";
import { IncidentBuilds } from "@/components/incident-builds";
import { IncidentControls } from "@/components/incident-controls";
import { IncidentMergeForm } from "@/components/incident-merge-form";
import { RootCauseCard } from "@/components/root-cause-card";
import { RunbookView } from "@/components/runbook-view";
import { SwimlaneChart } from "@/components/swimlane-chart";
import { TimelineChart } from "@/components/timeline-chart";
import { prepareTimelineChart } from "@/components/timeline-chart-data";
import { formatUtc } from "@/components/timeline-format";
import { TimelineList } from "@/components/timeline-list";
import { TimelineNoteForm } from "@/components/timeline-note-form";
import { TraceReportSection } from "@/components/trace-report-section";
import { currentCaller } from "@/lib/http/authenticate";
import { NotFoundError } from "@/lib/services/errors";
import { getIncident, type IncidentView } from "@/lib/services/get-incident";
import { getRunbook } from "@/lib/services/get-runbook";
import { getTraceReports } from "@/lib/services/get-trace-reports";
import { listIncidents } from "@/lib/services/list-incidents";
import { renderRunbook } from "@/lib/runbooks";
import {
  addImpactRowAction,
  addNoteAction,
  addRunbookActionItem,
  mergeIncidentAction,
  moveUploadsAction,
  removeImpactRowAction,
  splitIncidentAction,
  updateIncidentAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string): Promise<IncidentView> {
  const caller = await currentCaller();
  try {
    return await getIncident({ incidentId: id, teamId: caller.teamId });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const incident = await load((await params).id);
  return { title: incident.title };
}

const h2 = "text-lg font-semibold";

export default async function IncidentPage({ params }: Props) {
  const incident = await load((await params).id);
  // A merged-away incident keeps its page for old links: where its builds went, and its history.
  if (incident.mergedInto) return <MergedAway incident={incident} into={incident.mergedInto} />;
  const caller = await currentCaller();
  const readOnly = !caller.scopes.includes("upload");
  const rc = incident.rootCause;
  const [runbook, others, traces] = await Promise.all([
    rc ? getRunbook({ teamId: caller.teamId, key: rc.runbookId, eventClass: rc.class }).then((rb) => renderRunbook(rb, rc.fields)) : null,
    listIncidents({ teamId: caller.teamId, limit: 200 }).then((l) =>
      l.items.filter((i) => i.id !== incident.id).map((i) => ({ id: i.id, title: `${i.title} (${i.status}, ${i.occurrenceCount} build${i.occurrenceCount === 1 ? "" : "s"})` })),
    ),
    getTraceReports({ teamId: caller.teamId, uploadIds: incident.uploads.map((u) => u.id) }),
  ]);
  const trace = prepareIncidentTrace(incident, traces);
  const chart = prepareTimelineChart(incident.timeline.filter((t) => t.kind === "event" && t.class).map((t) => ({ at: t.at, class: t.class!, count: t.count ?? 1 })));
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <IncidentHeading incident={incident} />
        <IncidentControls status={incident.status} severity={incident.severity} owner={incident.owner} action={updateIncidentAction.bind(null, incident.id)} disabled={readOnly} />
      </header>

      {rc ? <RootCauseCard rootCause={rc} /> : null}

      {trace.primary ? <TraceReportSection uploadId={trace.primary.uploadId} report={trace.primary.report} rootCause={trace.rootCause} threadOf={trace.threadOf} traceCount={trace.traceCount} /> : null}

      <section aria-labelledby="impact-heading" className="space-y-2">
        <h2 id="impact-heading" className={h2}>Impact</h2>
        <ImpactTable
          impact={incident.impact}
          status={incident.status}
          addAction={addImpactRowAction.bind(null, incident.id)}
          removeAction={removeImpactRowAction.bind(null, incident.id)}
          disabled={readOnly}
        />
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-3">
        <TimelineHeading />
        {trace.swimlanes ? <SwimlaneChart data={trace.swimlanes} /> : null}
        {trace.onlyTraces ? null : <TimelineChart data={chart} />}
        <TimelineNoteForm action={addNoteAction.bind(null, incident.id)} disabled={readOnly} />
        <TimelineList items={incident.timeline} />
      </section>

      {runbook ? <RunbookView runbook={runbook} onMakeActionItem={addRunbookActionItem.bind(null, incident.id)} /> : null}

      <section aria-labelledby="actions-heading" className="space-y-2">
        <h2 id="actions-heading" className={h2}>Action items</h2>
        <ActionItemList items={incident.actionItems} />
      </section>

      <section aria-labelledby="builds-heading" className="space-y-3">
        <h2 id="builds-heading" className={h2}>Builds</h2>
        <IncidentBuilds
          uploads={incident.uploads}
          others={others}
          splitAction={splitIncidentAction.bind(null, incident.id)}
          moveAction={moveUploadsAction.bind(null, incident.id)}
          disabled={readOnly}
        />
        <IncidentMergeForm others={others} action={mergeIncidentAction.bind(null, incident.id)} disabled={readOnly} />
      </section>

      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className={h2}>
          Events{incident.eventsTruncated ? <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">(the first {incident.events.length})</span> : null}
        </h2>
        <EventTable events={incident.events} />
      </section>
    </article>
  );
}

function IncidentHeading({ incident }: { incident: IncidentView }) {
  const builds = incident.occurrenceCount;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold break-all">{incident.title}</h1>
        <Link href={`/incidents/${incident.id}/postmortem`} className="shrink-0 rounded border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
          Postmortem
        </Link>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="incident-summary">
        <span className="capitalize">{incident.status}</span> · {incident.severity.toUpperCase()} · {incident.owner ? `owner ${incident.owner}` : "no owner"} · first seen{" "}
        {formatUtc(incident.firstSeenAt)} UTC · last seen {formatUtc(incident.lastSeenAt)} UTC · hit {builds} build{builds === 1 ? "" : "s"}
      </p>
      {incident.mergedFrom.length ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Merged in:{" "}
          {incident.mergedFrom.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ", " : ""}
              <Link href={`/incidents/${m.id}`} className="underline">
                {m.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function TimelineHeading() {
  return (
    <h2 id="timeline-heading" className={h2}>
      Timeline <span className="text-sm font-normal text-slate-600 dark:text-slate-400">(UTC, all builds on one clock)</span>
    </h2>
  );
}

function MergedAway({ incident, into }: { incident: IncidentView; into: { id: string; title: string } }) {
  return (
    <article className="space-y-8">
      <p role="note" className="rounded border border-indigo-300 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-800 dark:bg-indigo-950/40 dark:text-indigo-100">
        This incident was merged into{" "}
        <Link href={`/incidents/${into.id}`} className="font-medium underline">
          {into.title}
        </Link>
        , which holds its builds, notes and impact now.
      </p>
      <header>
        <IncidentHeading incident={incident} />
      </header>
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <TimelineHeading />
        <TimelineList items={incident.timeline} />
      </section>
    </article>
  );
}

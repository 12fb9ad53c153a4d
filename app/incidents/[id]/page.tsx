// One incident: what broke, since when, its impact and timeline, and the evidence lines. The header and
// root cause come from a cheap core read and are sent at once; the heavy sections stream in.
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ActionItemList } from "@/components/action-item-list";
import { IncidentControls } from "@/components/incident-controls";
import { RootCauseCard } from "@/components/root-cause-card";
import { SectionPlaceholder } from "@/components/section-placeholder";
import { formatUtc } from "@/components/timeline-format";
import { currentCaller } from "@/lib/http/authenticate";
import type { IncidentCoreView } from "@/lib/services/get-incident-core";
import { updateIncidentAction } from "./actions";
import { loadIncidentCore } from "./incident-data";
import {
  IncidentBuildsSection,
  IncidentEventsSection,
  IncidentImpactSection,
  IncidentRunbookSection,
  IncidentTimelineList,
  IncidentTimelineSection,
  IncidentTraceSection,
} from "./incident-sections";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const incident = await loadIncidentCore((await params).id);
  return { title: incident.title };
}

const h2 = "text-lg font-semibold";

export default async function IncidentPage({ params }: Props) {
  const incident = await loadIncidentCore((await params).id);
  // A merged-away incident keeps its page for old links: where its builds went, and its history.
  if (incident.mergedInto) return <MergedAway incident={incident} into={incident.mergedInto} />;
  const caller = await currentCaller();
  const readOnly = !caller.scopes.includes("write");
  const rc = incident.rootCause;
  const id = incident.id;
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <IncidentHeading incident={incident} />
        <IncidentControls status={incident.status} severity={incident.severity} owner={incident.owner} action={updateIncidentAction.bind(null, id)} disabled={readOnly} />
      </header>

      {rc ? <RootCauseCard rootCause={rc} /> : null}

      <Suspense fallback={<SectionPlaceholder label="trace" />}>
        <IncidentTraceSection incidentId={id} />
      </Suspense>

      <section aria-labelledby="impact-heading" className="space-y-2">
        <h2 id="impact-heading" className={h2}>Impact</h2>
        <Suspense fallback={<SectionPlaceholder label="impact" />}>
          <IncidentImpactSection incidentId={id} status={incident.status} />
        </Suspense>
      </section>

      <section aria-labelledby="timeline-heading" className="space-y-3">
        <TimelineHeading />
        <Suspense fallback={<SectionPlaceholder label="timeline" />}>
          <IncidentTimelineSection incidentId={id} />
        </Suspense>
      </section>

      {/* Not streamed: one indexed read, and its summary is often the largest text (the LCP element). */}
      {rc ? <IncidentRunbookSection incidentId={id} rootCause={rc} /> : null}

      <section aria-labelledby="actions-heading" className="space-y-2">
        <h2 id="actions-heading" className={h2}>Action items</h2>
        <ActionItemList items={incident.actionItems} />
      </section>

      <section aria-labelledby="builds-heading" className="space-y-3">
        <h2 id="builds-heading" className={h2}>Builds</h2>
        <Suspense fallback={<SectionPlaceholder label="builds" />}>
          <IncidentBuildsSection incident={incident} />
        </Suspense>
      </section>

      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className={h2}>Events</h2>
        <Suspense fallback={<SectionPlaceholder label="events" />}>
          <IncidentEventsSection incidentId={id} />
        </Suspense>
      </section>
    </article>
  );
}

function IncidentHeading({ incident }: { incident: IncidentCoreView }) {
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

function MergedAway({ incident, into }: { incident: IncidentCoreView; into: { id: string; title: string } }) {
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
        <Suspense fallback={<SectionPlaceholder label="timeline" />}>
          <IncidentTimelineList incidentId={incident.id} />
        </Suspense>
      </section>
    </article>
  );
}

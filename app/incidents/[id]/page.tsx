// One incident: what broke, since when, and the evidence lines.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionItemList } from "@/components/action-item-list";
import { EventTable } from "@/components/event-table";
import { RunbookView } from "@/components/runbook-view";
import { RootCauseCard } from "@/components/root-cause-card";
import { currentCaller } from "@/lib/http/authenticate";
import { NotFoundError } from "@/lib/services/errors";
import { getIncident, type IncidentView } from "@/lib/services/get-incident";
import { getRunbook } from "@/lib/services/get-runbook";
import { renderRunbook } from "@/lib/runbooks";
import { addRunbookActionItem } from "./actions";

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

export default async function IncidentPage({ params }: Props) {
  const incident = await load((await params).id);
  const caller = await currentCaller();
  const rc = incident.rootCause;
  const runbook = rc ? renderRunbook(await getRunbook({ teamId: caller.teamId, key: rc.runbookId, eventClass: rc.class }), rc.fields) : null;
  const utc = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold break-all">{incident.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <span className="capitalize">{incident.status}</span> · {incident.severity.toUpperCase()} · first seen {utc(incident.firstSeenAt)} · last seen{" "}
          {utc(incident.lastSeenAt)} · hit {incident.occurrenceCount} build{incident.occurrenceCount === 1 ? "" : "s"}
        </p>
      </header>
      {incident.rootCause ? <RootCauseCard rootCause={incident.rootCause} /> : null}
      {runbook ? <RunbookView runbook={runbook} onMakeActionItem={addRunbookActionItem.bind(null, incident.id)} /> : null}
      <section aria-labelledby="actions-heading" className="space-y-2">
        <h2 id="actions-heading" className="text-lg font-semibold">Action items</h2>
        <ActionItemList items={incident.actionItems} />
      </section>
      <section aria-labelledby="events-heading" className="space-y-2">
        <h2 id="events-heading" className="text-lg font-semibold">Events</h2>
        <EventTable events={incident.events} />
      </section>
    </article>
  );
}

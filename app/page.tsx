// Overview: open incidents, failures per day by class, most recurring root causes, latest uploads.
import Link from "next/link";
import { ClassBadge } from "@/components/class-badge";
import { FailuresChart } from "@/components/failures-chart";
import { prepareFailuresByDay } from "@/components/failures-chart-data";
import { IncidentList } from "@/components/incident-list";
import { RecentUploads } from "@/components/recent-uploads";
import { currentCaller } from "@/lib/http/authenticate";
import { getOverview } from "@/lib/services/get-overview";
import { listIncidents } from "@/lib/services/list-incidents";

export const dynamic = "force-dynamic";

const DAYS = 30;

function Panel({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function OverviewPage() {
  const caller = await currentCaller();
  const [overview, { items }] = await Promise.all([
    getOverview({ teamId: caller.teamId, days: DAYS }),
    listIncidents({ teamId: caller.teamId, limit: 20 }),
  ]);
  const chart = prepareFailuresByDay(overview.failuresByDay, new Date().toISOString().slice(0, 10), DAYS);
  return (
    <div className="space-y-6">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <span className="text-2xl font-semibold text-slate-900 tabular-nums dark:text-slate-100" data-testid="open-incidents">{overview.openIncidents}</span> open incident
          {overview.openIncidents === 1 ? "" : "s"}
        </p>
      </div>
      <Panel title={`Failures per day (last ${DAYS} days)`} id="chart-heading">
        <FailuresChart data={chart} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Most recurring root causes" id="top-heading">
          {overview.topFingerprints.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">None yet.</p>
          ) : (
            <ol className="space-y-2 text-sm">
              {overview.topFingerprints.map((t) => (
                <li key={t.incidentId} className="flex items-center gap-2">
                  <span className="w-10 text-right font-semibold tabular-nums">{t.occurrenceCount}×</span>
                  <ClassBadge cls={t.rootCauseClass} />
                  <Link href={`/incidents/${t.incidentId}`} className="break-all hover:underline">{t.title}</Link>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title="Recent uploads" id="uploads-heading">
          <RecentUploads uploads={overview.recentUploads} />
        </Panel>
      </div>
      <Panel title="Incidents" id="incidents-heading">
        <IncidentList incidents={items} />
      </Panel>
    </div>
  );
}

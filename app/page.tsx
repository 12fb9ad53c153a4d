// Overview: the team's incidents, most recently seen first.
import { IncidentList } from "@/components/incident-list";
import { currentCaller } from "@/lib/http/authenticate";
import { listIncidents } from "@/lib/services/list-incidents";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const caller = await currentCaller();
  const { items } = await listIncidents({ teamId: caller.teamId, limit: 50 });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Incidents</h1>
      <IncidentList incidents={items} />
    </section>
  );
}

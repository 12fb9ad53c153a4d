// Incidents: search, filters, sort and pages over every incident of the team. The first paint is
// rendered here from the services; the explorer then fetches as the query changes.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { IncidentsExplorer } from "@/components/incidents-explorer";
import { canonicalQuery, queryString } from "@/components/incidents-query";
import { currentCaller, requireScope } from "@/lib/http/authenticate";
import { listIncidentFacets } from "@/lib/services/list-incident-facets";
import { searchIncidents, ZSearchIncidentsQuery } from "@/lib/services/search-incidents";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incidents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  const caller = await currentCaller();
  requireScope(caller, "read");
  const query = canonicalQuery(await searchParams);
  // A hand-edited address keeps what it got right: parameters with bad values are dropped.
  const valid = Object.fromEntries(Object.entries(query).filter(([k, v]) => ZSearchIncidentsQuery.safeParse({ [k]: v }).success));
  if (Object.keys(valid).length !== Object.keys(query).length) {
    const qs = queryString(valid);
    redirect(`/incidents${qs ? `?${qs}` : ""}`);
  }
  const [result, facets] = await Promise.all([searchIncidents({ teamId: caller.teamId, query }), listIncidentFacets({ teamId: caller.teamId })]);
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Incidents</h1>
      <IncidentsExplorer initialQueryString={queryString(query)} initialResult={result} facets={facets} />
    </section>
  );
}

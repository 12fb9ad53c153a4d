// POST /api/v1/incidents/:id/merge {from}: merges incident `from` into this one; answers this incident.
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { getIncident } from "@/lib/services/get-incident";
import { mergeIncidents, ZMergeIncidentsRequest } from "@/lib/services/merge-incidents";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  const { from } = ZMergeIncidentsRequest.parse(await readJson(request));
  const merged = await mergeIncidents({ teamId: caller.teamId, incidentId: params.id, from, actor: caller });
  return json({ ...merged, incident: await getIncident({ incidentId: params.id, teamId: caller.teamId }) });
});

// POST /api/v1/incidents/:id/split {uploadIds, title?}: moves those builds into a new incident (201).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { getIncident } from "@/lib/services/get-incident";
import { splitIncident, ZSplitIncidentRequest } from "@/lib/services/split-incident";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  const body = ZSplitIncidentRequest.parse(await readJson(request));
  const split = await splitIncident({ teamId: caller.teamId, incidentId: params.id, ...body, actor: caller });
  const location = `/api/v1/incidents/${split.newIncidentId}`;
  return json({ ...split, incident: await getIncident({ incidentId: split.newIncidentId, teamId: caller.teamId }) }, { status: 201, headers: { location } });
});

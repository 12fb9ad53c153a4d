// GET /api/v1/incidents/:id: one incident with root cause, events, impact and timeline.
// PATCH /api/v1/incidents/:id {status?, severity?, owner?, title?}: changes them (timeline entries say so).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { getIncident } from "@/lib/services/get-incident";
import { updateIncident } from "@/lib/services/update-incident";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireScope(caller, "read");
  return json(await getIncident({ incidentId: params.id, teamId: caller.teamId }));
});

export const PATCH = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  await updateIncident({ teamId: caller.teamId, incidentId: params.id, patch: await readJson(request), actor: caller });
  return json(await getIncident({ incidentId: params.id, teamId: caller.teamId }));
});

// GET /api/v1/incidents/:id: one incident with root cause, events and timeline.
import { apiRoute, json } from "@/lib/http/api-route";
import { getIncident } from "@/lib/services/get-incident";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ params, caller }) => {
  return json(await getIncident({ incidentId: params.id, teamId: caller.teamId }));
});

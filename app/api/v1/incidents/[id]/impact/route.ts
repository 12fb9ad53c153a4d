// POST /api/v1/incidents/:id/impact {label, value}: a manual impact row (201).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { addImpactRow } from "@/lib/services/add-impact-row";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  return json(await addImpactRow({ teamId: caller.teamId, incidentId: params.id, row: await readJson(request) }), { status: 201 });
});

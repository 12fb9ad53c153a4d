// DELETE /api/v1/incidents/:id/impact/:rowId: removes a manual impact row (204).
import { apiRoute } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { removeImpactRow } from "@/lib/services/remove-impact-row";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string; rowId: string }>(async ({ params, caller }) => {
  requireScope(caller, "write");
  await removeImpactRow({ teamId: caller.teamId, incidentId: params.id, rowId: params.rowId });
  return new Response(null, { status: 204 });
});

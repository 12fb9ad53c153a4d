// DELETE /api/v1/tokens/:id: revokes one of the team's API tokens at once (team owners only).
import { apiRoute } from "@/lib/http/api-route";
import { requireRole } from "@/lib/http/authenticate";
import { revokeApiToken } from "@/lib/services/revoke-api-token";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireRole(caller, "owner");
  await revokeApiToken({ teamId: caller.teamId, tokenId: params.id });
  return new Response(null, { status: 204 });
});

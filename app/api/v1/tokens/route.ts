// GET /api/v1/tokens: the team's API tokens (no secrets). POST {name, scopes}: a new token, whose
// secret is in this response only. Team owners only, signed in (a token cannot mint tokens).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireRole } from "@/lib/http/authenticate";
import { createApiToken, ZCreateApiTokenRequest } from "@/lib/services/create-api-token";
import { listApiTokens } from "@/lib/services/list-api-tokens";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ caller }) => {
  requireRole(caller, "owner");
  return json({ items: await listApiTokens({ teamId: caller.teamId }) });
});

export const POST = apiRoute(async ({ request, caller }) => {
  requireRole(caller, "owner");
  const created = await createApiToken({ teamId: caller.teamId, createdById: caller.userId, token: ZCreateApiTokenRequest.parse(await readJson(request)) });
  return json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

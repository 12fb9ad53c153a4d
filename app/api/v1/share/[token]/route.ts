// GET /api/v1/share/:token: a shared postmortem as JSON, for anyone holding the token (no session;
// rate-limited per client address). DELETE revokes the link (team members): from then on both the
// page and this route answer 404 for it.
import { apiRoute, json, publicApiRoute } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { takeShareRequest } from "@/lib/postmortem/share-rate-limit";
import { RateLimitedError } from "@/lib/services/account-errors";
import { getSharedPostmortem } from "@/lib/services/get-shared-postmortem";
import { revokeShareLink } from "@/lib/services/revoke-share-link";

export const dynamic = "force-dynamic";

export const GET = publicApiRoute<{ token: string }>(async ({ request, params }) => {
  const allowed = takeShareRequest(request.headers);
  if (!allowed.ok) throw new RateLimitedError(`too many requests; try again in ${allowed.retryAfterSeconds} second(s)`, allowed.retryAfterSeconds);
  const doc = await getSharedPostmortem({ token: params.token });
  return json(doc, { headers: { "cache-control": "no-store", "x-robots-tag": "noindex" } });
});

export const DELETE = apiRoute<{ token: string }>(async ({ params, caller }) => {
  requireScope(caller, "write");
  await revokeShareLink({ teamId: caller.teamId, token: params.token });
  return new Response(null, { status: 204 });
});

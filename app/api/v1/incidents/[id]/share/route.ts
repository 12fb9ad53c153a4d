// POST /api/v1/incidents/:id/share: a read-only share link to the postmortem, `{ token, url }`
// (optional `{ expiresAt }`); the token is shown once. GET lists the incident's links (no tokens).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { publicBaseUrl } from "@/lib/postmortem/public-base-url";
import { createShareLink } from "@/lib/services/create-share-link";
import { listShareLinks } from "@/lib/services/list-share-links";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireScope(caller, "read");
  return json({ items: await listShareLinks({ teamId: caller.teamId, incidentId: params.id }) });
});

export const POST = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  const hasBody = Number(request.headers.get("content-length") ?? "0") > 0 || request.headers.get("transfer-encoding") !== null;
  const body = hasBody ? await readJson(request) : {};
  const link = await createShareLink({ teamId: caller.teamId, incidentId: params.id, baseUrl: publicBaseUrl(request.headers), request: body });
  return json(link, { status: 201, headers: { location: link.url, "cache-control": "no-store" } });
});

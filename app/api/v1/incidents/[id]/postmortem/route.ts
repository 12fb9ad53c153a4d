// GET /api/v1/incidents/:id/postmortem: the document (saved, or the generated draft) with its quality
// checks; PUT saves it (`{ content, baseUpdatedAt? }`; 409 when someone saved a newer version).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { checkPostmortemQuality } from "@/lib/postmortem/quality";
import { getPostmortem } from "@/lib/services/get-postmortem";
import { updatePostmortem } from "@/lib/services/update-postmortem";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireScope(caller, "read");
  const doc = await getPostmortem({ teamId: caller.teamId, incidentId: params.id });
  return json({ ...doc, quality: checkPostmortemQuality(doc) });
});

export const PUT = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  return json(await updatePostmortem({ teamId: caller.teamId, incidentId: params.id, request: await readJson(request, 512 * 1024) }));
});

// POST /api/v1/uploads/:id/move {incidentId}: moves one build to another incident.
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { moveUpload, ZMoveUploadRequest } from "@/lib/services/move-upload";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  const { incidentId } = ZMoveUploadRequest.parse(await readJson(request));
  return json(await moveUpload({ teamId: caller.teamId, uploadId: params.id, incidentId, actor: caller }));
});

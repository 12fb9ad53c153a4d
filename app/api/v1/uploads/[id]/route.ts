// GET /api/v1/uploads/:id: status and analysis progress of one upload.
// DELETE /api/v1/uploads/:id: deletes it, its bytes and events (`write` scope); its incident goes too
// when it was that incident's last build: { uploadId, incidentId, incidentDeleted }.
import { apiRoute, json } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { deleteUpload } from "@/lib/services/delete-upload";
import { getUpload } from "@/lib/services/get-upload";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireScope(caller, "read");
  return json(await getUpload({ uploadId: params.id, teamId: caller.teamId }));
});

export const DELETE = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireScope(caller, "write");
  return json(await deleteUpload({ teamId: caller.teamId, uploadId: params.id, actor: caller }));
});

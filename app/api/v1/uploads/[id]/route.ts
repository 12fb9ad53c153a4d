// GET /api/v1/uploads/:id: status and analysis progress of one upload.
import { apiRoute, json } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { getUpload } from "@/lib/services/get-upload";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ params, caller }) => {
  requireScope(caller, "read");
  return json(await getUpload({ uploadId: params.id, teamId: caller.teamId }));
});

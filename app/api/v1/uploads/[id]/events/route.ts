// GET /api/v1/uploads/:id/events: the upload's analysis progress as server-sent events (`progress`
// on each change, a final `done`), for the upload page; same access rules as GET /api/v1/uploads/:id.
import { apiRoute } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { eventStreamResponse } from "@/lib/http/event-stream";
import { getUpload } from "@/lib/services/get-upload";
import { watchUploadProgress } from "@/lib/services/watch-upload-progress";

// A live stream per request: never prerendered or cached.
export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "read");
  const watch = { uploadId: params.id, teamId: caller.teamId };
  // Another team's id, or none, answers 404 problem+json before the stream (and its 200) begins.
  await getUpload(watch);
  return eventStreamResponse(
    async function* (signal) {
      for await (const e of watchUploadProgress({ ...watch, signal })) yield { event: e.type, data: e.upload };
    },
    { signal: request.signal },
  );
});

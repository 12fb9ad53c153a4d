// POST /api/v1/uploads: store log files durably (multipart or raw body), then queue their analysis.
import { apiRoute, json } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { enforceUploadRateLimit } from "@/lib/http/rate-limit";
import { readUploadRequest } from "@/lib/http/read-upload-request";
import { enqueueAnalysis } from "@/lib/jobs/enqueue-analysis";
import { createUpload } from "@/lib/services/create-upload";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request, caller }) => {
  requireScope(caller, "upload");
  enforceUploadRateLimit(caller);
  const { files, metadata } = readUploadRequest(request);
  const upload = await createUpload({ teamId: caller.teamId, files, metadata });
  await enqueueAnalysis(upload.id);
  const statusUrl = `/api/v1/uploads/${upload.id}`;
  return json(
    { uploadId: upload.id, statusUrl, sha256: upload.sha256, bytes: upload.totalBytes, duplicateOf: upload.duplicateOf },
    { status: 202, headers: { location: statusUrl } },
  );
});

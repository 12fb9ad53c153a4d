// Starts analysis of a stored upload. For now analysis runs in the web process right after the
// upload is stored; the durable Postgres-backed queue (issue 5) replaces the body of this function.
import { analyzeUpload } from "../services/analyze-upload";
import { db } from "../db/client";

export async function enqueueAnalysis(uploadId: string): Promise<void> {
  await db().upload.update({ where: { id: uploadId }, data: { status: "queued" } });
  void analyzeUpload({ uploadId }).catch((err) => console.error(`analysis of upload ${uploadId} failed:`, err));
}

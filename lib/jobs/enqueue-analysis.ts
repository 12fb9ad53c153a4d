// Queues analysis of a stored upload on the durable Postgres queue; a worker (inside `npm start`, or
// `npm run worker` anywhere) picks it up. Enqueuing an upload that already waits is harmless.
import { db } from "../db/client";
import { getBoss, jobsConfig } from "./boss";
import { sendAnalyzeUpload } from "./queues";
import { wakeLocalWorkers } from "./wake";

export async function enqueueAnalysis(uploadId: string): Promise<void> {
  // Status first: were it set after sending, a fast worker's `analyzing` could be overwritten.
  await db().upload.update({ where: { id: uploadId }, data: { status: "queued", error: null } });
  try {
    await sendAnalyzeUpload(await getBoss(), jobsConfig(), uploadId);
  } catch (err) {
    // Nothing will analyse it: say so instead of leaving it `queued` forever (`npm run reanalyze` retries).
    await db()
      .upload.update({ where: { id: uploadId }, data: { status: "failed", error: `could not queue the analysis: ${(err as Error).message}`.slice(0, 2000) } })
      .catch(() => {});
    throw err;
  }
  wakeLocalWorkers();
}

// Follows one upload's analysis as the worker records it in the database, for the upload page's live
// progress (GET /api/v1/uploads/:id/events). The worker is often another process or machine, so the
// database is the only place progress can be read from: it is polled, and only changes are passed on.
import { setTimeout as sleep } from "node:timers/promises";
import { getUpload, type UploadStatusView } from "./get-upload";

/** After these an upload's progress never changes again (a retry shows as `queued`, not `failed`). */
export const FINISHED_UPLOAD_STATUSES: ReadonlySet<string> = new Set(["done", "failed"]);

export type UploadProgressEvent = { type: "progress" | "done"; upload: UploadStatusView };

const DEFAULT_INTERVAL_MS = 500;

/**
 * The upload's current state at once (as `done` when it has already finished), then one `progress`
 * per change seen, then `done` with the final state, then the end. Stops quietly when `signal` aborts.
 * Throws NotFoundError for an id the team does not own, like GET /api/v1/uploads/:id.
 */
export async function* watchUploadProgress(input: {
  uploadId: string;
  teamId: string;
  signal?: AbortSignal;
  intervalMs?: number;
}): AsyncGenerator<UploadProgressEvent> {
  const { uploadId, teamId, signal } = input;
  const intervalMs = input.intervalMs ?? DEFAULT_INTERVAL_MS;
  let last = "";
  while (!signal?.aborted) {
    const upload = await getUpload({ uploadId, teamId });
    const finished = FINISHED_UPLOAD_STATUSES.has(upload.status);
    const key = progressKey(upload);
    if (finished) {
      yield { type: "done", upload };
      return;
    }
    if (key !== last) {
      last = key;
      yield { type: "progress", upload };
    }
    try {
      await sleep(intervalMs, undefined, { signal });
    } catch {
      return; // aborted: the client has gone
    }
  }
}

/** What a person watching sees change; the rest of the view is fixed once the upload is stored. */
function progressKey(u: UploadStatusView): string {
  return JSON.stringify([u.status, u.analysedBytes, u.totalBytes, u.eventCount, u.error, u.incidentId]);
}

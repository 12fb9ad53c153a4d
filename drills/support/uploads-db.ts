// What the drills check in the database: upload statuses, a run's events in comparable form, the
// queue's jobs for an upload. Reads retry through short database outages (the restart drill).
import { createHash } from "node:crypto";
import { db } from "../../lib/db/client";
import { readBlob } from "../../lib/storage/postgres-blob-store";
import { sleep } from "./stats";

export interface UploadState {
  id: string;
  status: string;
  error: string | null;
  eventCount: number;
  rootFingerprint: string | null;
  rootCauseLine: number | null;
  incidentId: string | null;
  totalBytes: bigint;
}

export async function retrying<T>(what: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: ${(err as Error).message}`);
      await sleep(500);
    }
  }
}

export async function uploadStates(ids: string[]): Promise<Map<string, UploadState>> {
  const rows = await retrying("reading upload statuses", () =>
    db().upload.findMany({
      where: { id: { in: ids } },
      select: { id: true, status: true, error: true, eventCount: true, rootFingerprint: true, rootCauseLine: true, incidentId: true, totalBytes: true },
    }),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Waits until every upload is done or failed (or gone), up to timeoutMs; returns the last states.
 * `onPoll` sees each round's states (e.g. to notice the status `analyzing`).
 */
export async function waitSettled(ids: string[], timeoutMs: number, everyMs = 250, stillUseful: () => boolean = () => true): Promise<{ states: Map<string, UploadState>; timedOut: boolean }> {
  const deadline = Date.now() + timeoutMs;
  let hopeless = 0;
  for (;;) {
    const states = await uploadStates(ids);
    const open = ids.filter((id) => {
      const s = states.get(id);
      return s && s.status !== "done" && s.status !== "failed";
    });
    if (open.length === 0) return { states, timedOut: false };
    if (Date.now() > deadline) return { states, timedOut: true };
    // Nothing will analyse them (e.g. the process running the worker died): a last look after 20 s.
    if (!stillUseful() && ++hopeless * everyMs > 20_000) return { states, timedOut: true };
    await sleep(everyMs);
  }
}

/** Waits for one of the statuses; throws when the upload failed instead. */
export async function waitForStatus(id: string, wanted: string | string[], timeoutMs: number, everyMs = 50): Promise<UploadState | null> {
  const want = Array.isArray(wanted) ? wanted : [wanted];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = (await uploadStates([id])).get(id);
    if (s && want.includes(s.status)) return s;
    if (s?.status === "failed" && !want.includes("failed")) throw new Error(`upload ${id} failed: ${s.error}`);
    if (Date.now() > deadline) return null;
    await sleep(everyMs);
  }
}

/** A run's events without row ids, one JSON string per event, in seq order. */
export async function eventKeys(uploadId: string): Promise<string[]> {
  const rows = await retrying("reading events", () =>
    db().errorEvent.findMany({
      where: { uploadId },
      orderBy: { seq: "asc" },
      select: { seq: true, class: true, line: true, endLine: true, file: true, timestamp: true, step: true, message: true, fields: true, fingerprint: true, count: true, ruleId: true, runbookId: true, isRootCause: true },
    }),
  );
  return rows.map((r) => JSON.stringify({ ...r, timestamp: r.timestamp?.toISOString() ?? null }));
}

/** Events in `want` missing from `got` (lost) and events of `got` beyond `want` (duplicated or foreign). */
export function diffEvents(want: string[], got: string[]): { lost: number; extra: number } {
  const left = new Map<string, number>();
  for (const k of want) left.set(k, (left.get(k) ?? 0) + 1);
  let extra = 0;
  for (const k of got) {
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else extra++;
  }
  let lost = 0;
  for (const n of left.values()) lost += n;
  return { lost, extra };
}

export interface JobRow {
  state: string;
  retryCount: number;
}

export async function jobsFor(uploadId: string, schema = "pgboss"): Promise<JobRow[]> {
  return retrying("reading jobs", () =>
    db().$queryRawUnsafe<JobRow[]>(
      `SELECT state::text, retry_count AS "retryCount" FROM (
         SELECT state, retry_count, created_on FROM ${schema}.job WHERE name = 'analyze-upload' AND singleton_key = $1
         UNION ALL
         SELECT state, retry_count, created_on FROM ${schema}.archive WHERE name = 'analyze-upload' AND singleton_key = $1
       ) j ORDER BY created_on`,
      uploadId,
    ),
  );
}

/** sha256 of the bytes stored for an upload's only file, read back from storage. */
export async function storedSha256(uploadId: string): Promise<string | null> {
  const files = await retrying("reading files", () => db().uploadFile.findMany({ where: { uploadId }, select: { id: true } }));
  if (files.length !== 1) return null;
  const h = createHash("sha256");
  for await (const piece of readBlob(files[0].id)) h.update(piece);
  return h.digest("hex");
}

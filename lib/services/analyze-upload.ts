// Runs the analyzer over a stored upload and replaces that upload's events in one transaction, so a
// re-run (after a crash, or with a newer analyzer) never duplicates events. Then groups the upload
// into an incident by its root-cause fingerprint, and only then marks it done, so whoever waits for
// `done` also sees its incident.
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ANALYZER_VERSION, analyzeFiles, analyzeStream } from "../analysis";
import type { AnalysisResult } from "../analysis/types";
import { db } from "../db/client";
import { copyEvents, type EventRow } from "../db/insert-events";
import { withoutNul } from "../db/without-nul";
import { pgPool } from "../db/pg-pool";
import { readBlob } from "../storage/postgres-blob-store";
import { NotFoundError } from "./errors";
import { groupIncident } from "./group-incident";
import { metadataFromAnalysis } from "./parse-upload-metadata";
import { logGroupsForStorage } from "./stored-log-groups";
import { traceReportForStorage } from "./stored-trace-report";
import { InputRejectedError } from "../analysis/input/limits";
import { redactAnalysisResult } from "../redaction";

const PROGRESS_EVERY_MS = 500;

export interface AnalyzeUploadResult {
  uploadId: string;
  incidentId: string | null;
  events: number;
  rootCause: AnalysisResult["rootCause"];
  /** The input was refused (zip bomb, unsafe archive): the upload is `failed` with this reason, for good. */
  rejected?: string;
}

export interface AnalyzeUploadInput {
  uploadId: string;
  /**
   * Stops the run early (the job queue's lease: another worker has taken the job over, or this one
   * is shutting down). A write in progress is rolled back: the upload keeps its previous events.
   */
  signal?: AbortSignal;
  /** Another attempt follows a failure (job queue retries): leave the upload `queued`, not `failed`. */
  willRetry?: boolean;
}

export async function analyzeUpload(input: AnalyzeUploadInput): Promise<AnalyzeUploadResult> {
  const { signal } = input;
  const upload = await db().upload.findUnique({
    where: { id: input.uploadId },
    include: { files: { orderBy: { name: "asc" } } },
  });
  if (!upload) throw new NotFoundError(`upload ${input.uploadId}`);
  await db().upload.update({ where: { id: upload.id }, data: { status: "analyzing", analysedBytes: 0n, error: null } });
  const progress = progressWriter(upload.id);
  const baseDate = (upload.startedAt ?? upload.createdAt).toISOString().slice(0, 10);
  let result: AnalysisResult;
  try {
    result = await runAnalyzer(upload.files, { onProgress: progress.report, baseDate, signal });
  } catch (err) {
    await progress.close();
    if (signal?.aborted) throw signal.reason;
    // A refused input fails the same way every time: failed now, with the reason, and no retries.
    const rejected = err instanceof InputRejectedError;
    await db().upload.update({ where: { id: upload.id }, data: failedStatus(err, input.willRetry && !rejected) });
    if (rejected) return { uploadId: upload.id, incidentId: null, events: 0, rootCause: null, rejected: err.message };
    throw err;
  }
  // A progress write landing after the results would overwrite the final counts.
  await progress.close();
  // Secrets in the log never reach the database: events and step names are stored redacted.
  await replaceEvents(upload.id, withoutNul(redactAnalysisResult(result)), signal);
  const incidentId = await groupIncident({ uploadId: upload.id });
  await db().upload.update({ where: { id: upload.id }, data: { status: "done" } });
  return { uploadId: upload.id, incidentId, events: result.events.length, rootCause: result.rootCause };
}

/** What a failed run leaves on the upload: `queued` with the reason while attempts remain. */
export function failedStatus(err: unknown, willRetry = false): { status: "failed" | "queued"; error: string } {
  const message = err instanceof Error ? err.message : String(err);
  return willRetry ? { status: "queued", error: `failed, will retry: ${message}`.slice(0, 2000) } : { status: "failed", error: message.slice(0, 2000) };
}

/** SQL NULL for no value (JSON.stringify(null) would store a JSON `null`). */
const jsonOrNull = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** Throttled progress updates, written one at a time; close() waits for the last one. */
function progressWriter(uploadId: string) {
  let last = 0;
  let closed = false;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    report: ({ bytes, events }: { bytes: number; events: number }) => {
      const now = Date.now();
      if (closed || now - last < PROGRESS_EVERY_MS) return;
      last = now;
      chain = chain
        .then(() => db().upload.update({ where: { id: uploadId }, data: { analysedBytes: BigInt(bytes), eventCount: events } }))
        .catch(() => {});
    },
    close: async () => {
      closed = true;
      await chain;
    },
  };
}

type StoredFile = { id: string; name: string };

type RunOptions = { onProgress: (p: { bytes: number; events: number }) => void; baseDate: string; signal?: AbortSignal };

async function runAnalyzer(files: StoredFile[], { signal, ...opts }: RunOptions): Promise<AnalysisResult> {
  if (files.length === 1 && !(await isZip(files[0].id))) {
    return analyzeStream(abortable(readBlob(files[0].id), signal), { name: files[0].name, ...opts });
  }
  // Archives need random access and several files are analysed together (strace -ff): spool to disk.
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-"));
  try {
    const paths: string[] = [];
    for (const f of files) {
      const p = path.join(dir, f.name);
      const fh = await open(p, "w");
      try {
        for await (const piece of abortable(readBlob(f.id), signal)) await fh.write(piece);
      } finally {
        await fh.close();
      }
      paths.push(p);
    }
    const result = await analyzeFiles(paths, opts);
    signal?.throwIfAborted();
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ends the analyzer's input with the abort reason as soon as the signal fires. */
async function* abortable<T>(source: AsyncIterable<T>, signal?: AbortSignal): AsyncGenerator<T> {
  for await (const piece of source) {
    signal?.throwIfAborted();
    yield piece;
  }
}

async function isZip(fileId: string): Promise<boolean> {
  for await (const first of readBlob(fileId)) return first[0] === 0x50 && first[1] === 0x4b;
  return false;
}

async function replaceEvents(uploadId: string, result: AnalysisResult, signal?: AbortSignal): Promise<void> {
  const rc = result.rootCause;
  const rootEvent = rc ? result.events[rc.eventIndex] : undefined;
  const rows: EventRow[] = result.events.map((e, seq) => ({
    uploadId,
    seq,
    class: e.class,
    line: e.line,
    endLine: e.endLine,
    file: e.file ?? null,
    timestamp: e.timestamp && !Number.isNaN(Date.parse(e.timestamp)) ? new Date(e.timestamp) : null,
    step: e.step ?? null,
    message: e.message.slice(0, 4000),
    fields: e.fields,
    fingerprint: e.fingerprint,
    count: e.count,
    ruleId: e.ruleId,
    runbookId: e.runbookId ?? null,
    isRootCause: rc?.eventIndex === seq,
  }));
  // One pg transaction (COPY needs a plain connection): lock the upload first, so two runs writing at
  // once (a re-analysis overlapping a run) take turns and the later one replaces the earlier one's
  // events instead of colliding on (uploadId, seq). Aborting rolls back: the old events stay.
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT 1 FROM "Upload" WHERE id = $1 FOR UPDATE`, [uploadId]);
    signal?.throwIfAborted();
    await client.query(`DELETE FROM "ErrorEvent" WHERE "uploadId" = $1`, [uploadId]);
    await copyEvents(client, rows, { beforePiece: () => signal?.throwIfAborted() });
    // Steps for timelines; log groups for the viewer; the strace report; times, CI system and job
    // from the log where the uploader gave none.
    const meta = metadataFromAnalysis(result);
    await client.query(
      `UPDATE "Upload" SET format = $2, "analyzerVersion" = $3, "eventCount" = $4, "analysedBytes" = $5, "analysedAt" = now(),
         "rootCauseClass" = $6, "rootCauseLine" = $7, "rootCauseFile" = $8, "rootFingerprint" = $9, steps = $10::jsonb, "logGroups" = $15::jsonb, "traceReport" = $16::jsonb,
         "startedAt" = coalesce("startedAt", $11), "finishedAt" = coalesce("finishedAt", $12), "ciProvider" = coalesce("ciProvider", $13),
         job = coalesce(job, $14) WHERE id = $1`,
      [uploadId, result.format, ANALYZER_VERSION, rows.length, result.stats.bytes, rc?.class ?? null, rc?.line ?? null, rc?.file ?? null, rootEvent?.fingerprint ?? null,
        JSON.stringify(meta.steps), meta.startedAt?.toISOString() ?? null, meta.finishedAt?.toISOString() ?? null, meta.ciProvider, meta.job,
        JSON.stringify(logGroupsForStorage(result)), jsonOrNull(traceReportForStorage(result))],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

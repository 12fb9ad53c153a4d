// Drill: 100 uploads of mixed sizes (2 KiB to 64 MiB; raw, multipart, gzip, zip) sent at once from a
// second process against the real server with its in-process worker. Every upload must be accepted
// (no 5xx), stored byte for byte (sha256 of the stored bytes = the client's), and analysed.
import { badReplies, describeReply } from "./support/http";
import type { DrillContext, DrillResult } from "./support/context";
import { runLoad } from "./support/run-load";
import { crashSummary } from "./support/server";
import { count, mib, ms, percentile } from "./support/stats";
import { storedSha256, waitSettled } from "./support/uploads-db";

export async function concurrentUploadsDrill(ctx: DrillContext): Promise<DrillResult> {
  const server = await ctx.server("on", "server with its in-process worker");
  const notes: string[] = [];
  const n = ctx.args.uploads;
  const started = Date.now();
  const result = await runLoad({ mode: "burst", base: server.url, headers: ctx.auth.headers(), count: n, seed: ctx.args.seed, scale: ctx.args.uploadScale }, ctx.out, "burst", ctx.log).done;
  const replies = result.uploads.map((u) => u.reply);
  const latencies = replies.map((r) => r.ms);
  const bad = badReplies(replies);
  const fiveHundreds = replies.filter((r) => r.status >= 500).length;
  const accepted = result.uploads.filter((u) => u.reply.status === 202 && u.reply.uploadId);
  for (const r of bad.slice(0, 10)) notes.push(describeReply(r));
  for (const u of result.uploads.filter((x) => x.reply.status !== 202 && x.reply.status < 500 && x.reply.status !== 0).slice(0, 10)) notes.push(`upload ${u.index} (${u.kind}, ${u.bytes} B) refused: ${describeReply(u.reply)}`);
  const totalBytes = result.uploads.reduce((s, u) => s + u.bytes, 0);

  // Stored byte for byte: the server's digest and the digest of what storage gives back.
  let shaMismatch = 0;
  for (const u of accepted) {
    const stored = await storedSha256(u.reply.uploadId!);
    if (u.reply.sha256 !== u.sha256 || stored !== u.sha256) {
      shaMismatch++;
      if (shaMismatch <= 5) notes.push(`upload ${u.index} (${u.kind}, ${u.bytes} B, id ${u.reply.uploadId}): client sha256 ${u.sha256}, server said ${u.reply.sha256}, storage holds ${stored}`);
    }
  }
  const ids = accepted.map((u) => u.reply.uploadId!);
  const { states, timedOut } = await waitSettled(ids, 20 * 60_000, 500, () => server.alive());
  const analysedAt = Date.now();
  const done = ids.filter((id) => states.get(id)?.status === "done").length;
  const failed = ids.filter((id) => states.get(id)?.status === "failed");
  const missing = ids.filter((id) => !states.has(id));
  for (const id of failed.slice(0, 5)) notes.push(`upload ${id} failed: ${states.get(id)?.error}`);
  if (missing.length) notes.push(`${missing.length} accepted uploads are gone from the database, e.g. ${missing[0]}`);
  if (timedOut) notes.push(`${ids.length - done - failed.length} uploads were still not analysed after 20 minutes`);

  if (!server.alive()) notes.push(`the server's launcher process (scripts/start.ts, which runs the worker) died: ${crashSummary(server.logText()) ?? "see the server log"}`);
  const pass = server.alive() && bad.length === 0 && accepted.length === n && shaMismatch === 0 && done === n;
  const figures =
    `${n} uploads (${mib(totalBytes)}) at once: ${accepted.length} accepted, ${fiveHundreds} 5xx, ${replies.filter((r) => r.status === 0).length} without reply; ` +
    `upload latency p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}; ` +
    `${accepted.length - shaMismatch}/${accepted.length} stored intact; ${count(done)}/${n} analysed (${failed.length} failed) ${ms(analysedAt - started)} after the first byte`;
  return { name: "concurrent-uploads", pass, figures, notes };
}

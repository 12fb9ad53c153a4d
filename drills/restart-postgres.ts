// Drill: stop our embedded Postgres for a while during uploads and an analysis, then start it again.
// While it is down every client must get a retryable answer (503 with Retry-After), never a 500 or a
// dropped connection; every upload that was accepted (202) must survive intact and be analysed once
// it is back. Load comes from a second process (soak mode) plus one large upload whose analysis is
// running when Postgres goes away.
import { createHash } from "node:crypto";
import { analyzeStream } from "../lib/analysis";
import { db } from "../lib/db/client";
import type { DrillContext, DrillResult } from "./support/context";
import { badReplies, describeReply, postUpload, type Reply } from "./support/http";
import { goBuildLog } from "./support/logs";
import { runLoad } from "./support/run-load";
import { crashSummary } from "./support/server";
import { count, ms, sleep } from "./support/stats";
import { retrying, storedSha256, uploadStates, waitForStatus, waitSettled } from "./support/uploads-db";

export async function restartPostgresDrill(ctx: DrillContext): Promise<DrillResult> {
  const pg = ctx.db.embedded;
  if (!pg) return { name: "restart-postgres", pass: false, figures: "needs the drills' own embedded Postgres", notes: [] };
  const server = await ctx.server("on", "server with its in-process worker");
  const headers = ctx.auth.headers();
  const notes: string[] = [];
  const outage = ctx.args.outageSeconds;
  const windowStart = new Date();

  // The soak load runs from a second process until told to stop. Meanwhile a log big enough to still
  // be analysed when Postgres stops is uploaded; Postgres stops as soon as its analysis runs and is
  // down for --outage-seconds. The load goes on for 20 s after Postgres is back.
  const big = goBuildLog(256 * 1048576);
  const expected = await analyzeStream([big] as unknown as AsyncIterable<Uint8Array>);
  const soak = runLoad({ mode: "soak", base: server.url, headers, concurrency: 4, seconds: 600, seed: ctx.args.seed + 1, maxBytes: 8 << 20 }, ctx.out, "soak", ctx.log);
  await sleep(3000);
  const bigReply = await postUpload(server.url, headers, { name: "big-build.log", body: big, kind: "raw" });
  if (!bigReply.uploadId) {
    soak.stop();
    await soak.done.catch(() => null);
    return { name: "restart-postgres", pass: false, figures: `the large upload was refused before the outage: ${describeReply(bigReply)}`, notes };
  }
  await waitForStatus(bigReply.uploadId, ["analyzing", "done"], 60_000, 20).catch(() => null);
  const bigBefore = (await uploadStates([bigReply.uploadId])).get(bigReply.uploadId)?.status;
  const downAt = Date.now();
  await pg.stop();
  ctx.log(`restart-postgres: Postgres stopped (the large upload was ${bigBefore}); down for ${outage} s`);
  await sleep(outage * 1000);
  await pg.start();
  const upAt = Date.now();
  ctx.log(`restart-postgres: Postgres started again after ${ms(upAt - downAt)}; load continues for 20 s`);
  await sleep(20_000);
  soak.stop();
  const load = await soak.done;

  const all: Reply[] = [...load.uploads.map((u) => u.reply), ...load.reads];
  const bad = badReplies(all);
  const during = all.filter((r) => r.at + r.ms >= downAt && r.at <= upAt);
  const retryable = during.filter((r) => r.status === 503 && r.retryAfter).length;
  // 429 + Retry-After is the upload limiter's backpressure (clients wait and retry), not a failure.
  const other4xx = all.filter((r) => r.status >= 400 && r.status < 500 && !(r.status === 429 && r.retryAfter));
  const after = all.filter((r) => r.at > upAt);
  const afterOk = after.filter((r) => r.status >= 200 && r.status < 300).length;
  const healthBack = load.reads.find((r) => r.endpoint === "GET /api/health" && r.status === 200 && r.at >= upAt);
  for (const r of bad.slice(0, 12)) notes.push(describeReply(r));
  for (const r of other4xx.slice(0, 5)) notes.push(`unexpected ${describeReply(r)}`);

  // Accepted uploads: still there, intact, analysed.
  const accepted = [...load.uploads.filter((u) => u.reply.status === 202 && u.reply.uploadId).map((u) => ({ id: u.reply.uploadId!, sha: u.sha256 })), { id: bigReply.uploadId, sha: createHash("sha256").update(big).digest("hex") }];
  const ids = accepted.map((a) => a.id);
  const { states, timedOut } = await waitSettled(ids, 8 * 60_000, 500, () => server.alive());
  const lost = ids.filter((id) => !states.has(id));
  const notDone = ids.filter((id) => states.get(id) && states.get(id)!.status !== "done");
  let corrupt = 0;
  for (const a of accepted) {
    if (!states.has(a.id)) continue;
    const stored = await storedSha256(a.id);
    if (stored !== a.sha) {
      corrupt++;
      if (corrupt <= 5) notes.push(`accepted upload ${a.id}: stored sha256 ${stored} differs from the client's ${a.sha}`);
    }
  }
  for (const id of lost.slice(0, 5)) notes.push(`accepted upload ${id} is gone from the database`);
  for (const id of notDone.slice(0, 5)) notes.push(`accepted upload ${id} ended ${states.get(id)!.status}${timedOut ? " (still, after 8 minutes)" : ""}: ${states.get(id)!.error ?? ""}`);
  const bigState = states.get(bigReply.uploadId);
  const rootFp = expected.rootCause ? expected.events[expected.rootCause.eventIndex].fingerprint : null;
  const bigRight = bigState?.status === "done" && bigState.eventCount === expected.events.length && bigState.rootFingerprint === rootFp;
  if (!bigRight) notes.push(`the large upload ${bigReply.uploadId} ended ${bigState?.status} with ${bigState?.eventCount} events, root ${bigState?.rootFingerprint}; a clean in-process run gives ${expected.events.length} events, root ${rootFp}`);

  // Uploads refused during the outage may leave rows behind (informational: the client was told to retry).
  const leftovers = await retrying("reading leftovers", () =>
    db().upload.groupBy({ by: ["status"], where: { createdAt: { gte: windowStart }, id: { notIn: ids } }, _count: true }),
  );
  const leftoverText = leftovers.map((l) => `${l._count} ${l.status}`).join(", ");
  if (leftoverText) notes.push(`rows left by refused uploads (not accepted, client told to retry): ${leftoverText}`);
  if (!server.alive()) notes.push(`the server's launcher process (scripts/start.ts, which runs the worker) died during the drill: ${crashSummary(server.logText()) ?? "see the server log"}`);

  const pass = bad.length === 0 && lost.length === 0 && notDone.length === 0 && corrupt === 0 && bigRight && server.alive() && other4xx.length === 0;
  const statusCounts = new Map<string, number>();
  for (const r of all) statusCounts.set(String(r.status || r.error), (statusCounts.get(String(r.status || r.error)) ?? 0) + 1);
  const figures =
    `${ms(upAt - downAt)} outage; ${count(all.length)} requests (${[...statusCounts].sort().map(([k, v]) => `${v}x ${k}`).join(", ")}); ` +
    `${bad.length} 5xx without Retry-After or dropped, ${retryable} retryable 503s during the outage; health back ${healthBack ? ms(healthBack.at - upAt) : "never"} after restart, ${afterOk}/${after.length} requests succeeded after it; ` +
    `${ids.length - lost.length}/${ids.length} accepted uploads kept, ${ids.length - notDone.length - lost.length} analysed, ${corrupt} corrupt; in-flight analysis (${bigBefore} at the stop) ${bigRight ? "completed with a clean run's events" : "WRONG"}`;
  return { name: "restart-postgres", pass, figures, notes };
}

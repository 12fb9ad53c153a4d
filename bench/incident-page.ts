// Benchmark: the incident page with a large incident, and the log viewer on a large log.
//   npm run bench:page -- [--events 100000] [--requests 20] [--lcp-runs 5] [--scroll-seconds 5]
//                         [--port 3154] [--pg-port 54421] [--reseed]
// Seeds, through the real pipeline (upload API -> worker -> COPY of events -> grouping), an incident
// of `--events` events: uploads of a failing Go build with 10,000 distinct failures each (the
// analyzer's cap per run), all with the same root cause. A one-upload incident of a corpus log is the
// baseline. Then, against `npm start` on its own port (DATABASE_URL, else an embedded Postgres in
// bench/out/pg-data), it measures the page's time to first byte and total time over N requests, LCP in
// headless Chromium, the service call behind the page in-process, and the log viewer's scrolling
// (frames, long tasks, time until rows are filled after a jump). Prints "label   value" lines and one
// `bench-json {…}` line for bench/run-all.ts.
import { request as httpRequest } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { db, disconnectDb } from "../lib/db/client";
import { closePgPool } from "../lib/db/pg-pool";
import { getIncident } from "../lib/services/get-incident";
import { callerTeam, obtainAuth, signIn, type Auth, type SessionCookie } from "../drills/support/auth";
import { openDatabase } from "../drills/support/database";
import { postUpload } from "../drills/support/http";
import { corpusFiles, goBuildLog } from "../drills/support/logs";
import { BENCH_OUT, outDir } from "../drills/support/paths";
import { startServer } from "../drills/support/server";
import { median, percentile, sleep } from "../drills/support/stats";

const EVENTS_PER_UPLOAD = 10_000; // the analyzer's cap on distinct events per run
const LOG_BYTES = 16 * 1048576; // about 10,000 failure blocks of the corpus Go checksum failure
const REPO = "bench/incident-page";
const SMALL_REPO = "bench/incident-page-small";
// tsx compiles this file with esbuild's keepNames, which wraps named functions in __name(); functions
// handed to page.evaluate run in the page, where that helper must exist too.
const NAME_SHIM = "globalThis.__name = globalThis.__name || ((f) => f);";
const CHROMIUM_FLAGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--no-sandbox"];

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    requests: { type: "string", default: "20" },
    "lcp-runs": { type: "string", default: "5" },
    "scroll-seconds": { type: "string", default: "5" },
    port: { type: "string", default: "3154" },
    "pg-port": { type: "string", default: "54421" },
    reseed: { type: "boolean", default: false },
  },
});
const EVENTS = Number(values.events);
const REQUESTS = Number(values.requests);
const LCP_RUNS = Number(values["lcp-runs"]);
const SCROLL_MS = Number(values["scroll-seconds"]) * 1000;
const log = (m: string) => console.log(`[page] ${m}`);
const fmt = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "n/a");

interface Seeded {
  incidentId: string;
  smallIncidentId: string;
  logUploadId: string;
  events: number;
  uploads: number;
  logLines: number;
}

async function waitAnalysed(ids: string[]): Promise<void> {
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    const rows = await db().upload.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, error: true } });
    const failed = rows.find((r) => r.status === "failed");
    if (failed) throw new Error(`seeding: upload ${failed.id} failed: ${failed.error}`);
    if (rows.length === ids.length && rows.every((r) => r.status === "done")) return;
    if (Date.now() > deadline) throw new Error("seeding: uploads not analysed within 20 minutes");
    await sleep(500);
  }
}

async function seed(base: string, auth: Auth, teamId: string): Promise<Seeded> {
  const uploadsWanted = Math.max(1, Math.ceil(EVENTS / EVENTS_PER_UPLOAD));
  const existing = await db().upload.findMany({ where: { teamId, repo: REPO, status: "done" }, orderBy: { createdAt: "asc" }, select: { id: true, incidentId: true, eventCount: true } });
  const small = await db().upload.findFirst({ where: { teamId, repo: SMALL_REPO, status: "done" }, select: { incidentId: true } });
  const total = existing.reduce((n, u) => n + u.eventCount, 0);
  const oneIncident = new Set(existing.map((u) => u.incidentId)).size === 1 && existing[0]?.incidentId;
  if (!values.reseed && existing.length === uploadsWanted && total >= EVENTS && oneIncident && small?.incidentId) {
    log(`reusing the seeded incident (${existing.length} uploads, ${total} events; --reseed to rebuild it)`);
    const logFile = await db().uploadFile.findFirst({ where: { uploadId: existing[0].id }, select: { lines: true } });
    return { incidentId: existing[0].incidentId!, smallIncidentId: small.incidentId, logUploadId: existing[0].id, events: total, uploads: existing.length, logLines: logFile?.lines ?? 0 };
  }
  // Start over: earlier seeds (and their incidents) go, so the incident holds exactly these uploads.
  const old = await db().upload.findMany({ where: { teamId, repo: { in: [REPO, SMALL_REPO] } }, select: { id: true, incidentId: true } });
  await db().upload.deleteMany({ where: { id: { in: old.map((u) => u.id) } } });
  const oldIncidents = [...new Set(old.map((u) => u.incidentId).filter((id): id is string => id !== null))];
  await db().incident.deleteMany({ where: { id: { in: oldIncidents } } }).catch((err: unknown) => log(`could not delete the old seeded incidents: ${(err as Error).message.split("\n")[0]}`));

  log(`seeding ${uploadsWanted} uploads of ${(LOG_BYTES / 1048576).toFixed(0)} MiB (${EVENTS_PER_UPLOAD.toLocaleString("en-US")} distinct failures each) through the upload API and the worker`);
  const body = goBuildLog(LOG_BYTES, EVENTS_PER_UPLOAD);
  const ids: string[] = [];
  for (let k = 0; k < uploadsWanted; k++) {
    // A different first line per upload: distinct bytes, same failures, same root cause.
    const r = await postUpload(`${base}`, auth.headers(), { name: "build.log", body: Buffer.concat([Buffer.from(`# bench build ${k} ${Date.now()}\n`), body]), kind: "multipart" });
    if (!r.uploadId) throw new Error(`seeding: upload answered ${r.status || r.error}: ${r.body.slice(0, 300)}`);
    ids.push(r.uploadId);
    await db().upload.update({ where: { id: r.uploadId }, data: { repo: REPO } });
  }
  const corpusLog = corpusFiles().find((f) => f.name === "npm-e403-forbidden.log") ?? corpusFiles().find((f) => f.name.endsWith(".log"))!;
  const smallReply = await postUpload(base, auth.headers(), { name: corpusLog.name, body: corpusLog.bytes, kind: "multipart" });
  if (!smallReply.uploadId) throw new Error(`seeding: upload answered ${smallReply.status || smallReply.error}: ${smallReply.body.slice(0, 300)}`);
  await db().upload.update({ where: { id: smallReply.uploadId }, data: { repo: SMALL_REPO } });
  await waitAnalysed([...ids, smallReply.uploadId]);
  const rows = await db().upload.findMany({ where: { id: { in: ids } }, select: { incidentId: true, eventCount: true } });
  const incidents = new Set(rows.map((r) => r.incidentId));
  if (incidents.size !== 1 || !rows[0].incidentId) throw new Error(`seeding: the uploads went to ${incidents.size} incidents, expected one`);
  const smallRow = await db().upload.findUniqueOrThrow({ where: { id: smallReply.uploadId }, select: { incidentId: true } });
  if (!smallRow.incidentId) throw new Error(`seeding: ${corpusLog.name} gave no incident`);
  const logFile = await db().uploadFile.findFirst({ where: { uploadId: ids[0] }, select: { lines: true } });
  return { incidentId: rows[0].incidentId, smallIncidentId: smallRow.incidentId, logUploadId: ids[0], events: rows.reduce((n, r) => n + r.eventCount, 0), uploads: ids.length, logLines: logFile?.lines ?? 0 };
}

/** Time to the response headers (first byte) and to the last byte of one GET. */
function timeGet(url: string, cookie: SessionCookie | null): Promise<{ status: number; ttfb: number; total: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = httpRequest(url, { headers: cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {} }, (res) => {
      const ttfb = performance.now() - t0;
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, ttfb, total: performance.now() - t0, bytes: body.length, body: body.toString("utf8") });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function pageTimes(url: string, cookie: SessionCookie | null) {
  for (let i = 0; i < 3; i++) await timeGet(url, cookie); // warm: compiled routes, caches, pool
  const runs = [];
  for (let i = 0; i < REQUESTS; i++) runs.push(await timeGet(url, cookie));
  const bad = runs.find((r) => r.status !== 200);
  if (bad) throw new Error(`GET ${url} answered ${bad.status}: ${bad.body.slice(0, 300)}`);
  const last = runs[runs.length - 1];
  return {
    ttfbP50: percentile(runs.map((r) => r.ttfb), 50),
    ttfbP95: percentile(runs.map((r) => r.ttfb), 95),
    totalP50: percentile(runs.map((r) => r.total), 50),
    totalP95: percentile(runs.map((r) => r.total), 95),
    htmlBytes: last.bytes,
    eventRows: (last.body.match(/data-testid="event-row"/g) ?? []).length,
  };
}

async function browserRuns(browser: Browser, base: string, url: string, cookie: SessionCookie | null) {
  const runs: { lcp: number; ttfb: number; dcl: number; load: number; tbt: number }[] = [];
  for (let i = 0; i < LCP_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({ content: NAME_SHIM });
    if (cookie) await context.addCookies([{ name: cookie.name, value: cookie.value, url: base }]);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
    });
    const res = await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    if (!res || res.status() !== 200) throw new Error(`${url} answered ${res?.status()} in the browser`);
    await page.waitForTimeout(300);
    runs.push(
      await page.evaluate(
        () =>
          new Promise<{ lcp: number; ttfb: number; dcl: number; load: number; tbt: number }>((resolve) => {
            let lcp = NaN;
            new PerformanceObserver((l) => l.getEntries().forEach((e) => (lcp = e.startTime))).observe({ type: "largest-contentful-paint", buffered: true });
            setTimeout(() => {
              const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
              const long = (window as unknown as { __longTasks: number[] }).__longTasks;
              resolve({ lcp, ttfb: nav.responseStart, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, tbt: long.reduce((s, d) => s + Math.max(0, d - 50), 0) });
            }, 200);
          }),
      ),
    );
    await context.close();
  }
  return { lcp: median(runs.map((r) => r.lcp)), ttfb: median(runs.map((r) => r.ttfb)), dcl: median(runs.map((r) => r.dcl)), load: median(runs.map((r) => r.load)), tbt: median(runs.map((r) => r.tbt)) };
}

async function scrollRun(browser: Browser, base: string, uploadId: string, lines: number, cookie: SessionCookie | null) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript({ content: NAME_SHIM });
  if (cookie) await context.addCookies([{ name: cookie.name, value: cookie.value, url: base }]);
  const page = await context.newPage();
  const res = await page.goto(`${base}/uploads/${uploadId}/log`, { waitUntil: "load", timeout: 120_000 });
  if (!res || res.status() !== 200) throw new Error(`the log page answered ${res?.status()}`);
  await page.waitForFunction(() => {
    const first = document.querySelector('[data-line="1"]');
    return first !== null && !first.textContent?.includes("…");
  }, undefined, { timeout: 60_000 });
  const result = await page.evaluate(async (durationMs) => {
    const region = document.querySelector('[role="region"]') as HTMLElement;
    const long: number[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => long.push(e.duration)));
    obs.observe({ type: "longtask" });
    const blank = () => [...region.querySelectorAll("[data-line]")].filter((r) => r.textContent?.endsWith("…")).length;
    // 1. A steady scroll of 100 px per frame (4-5 lines; some 250 lines a second at 60 Hz).
    const intervals: number[] = [];
    let blankFrames = 0;
    await new Promise<void>((resolve) => {
      const start = performance.now();
      let last = start;
      const step = (t: number) => {
        intervals.push(t - last);
        last = t;
        region.scrollTop += 100;
        if (blank() > 0) blankFrames++;
        if (t - start < durationMs) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    // 2. A jump to the middle of the log: how long until the rows in view are that line's and hold text.
    const t0 = performance.now();
    region.scrollTop = region.scrollHeight / 2;
    const rowHeight = (region.querySelector("[data-line]") as HTMLElement | null)?.offsetHeight || 24;
    const target = Math.floor(region.scrollTop / rowHeight) + 1;
    await new Promise<void>((resolve) => {
      const check = () => {
        const there = region.querySelector(`[data-line="${target}"]`) !== null;
        if ((there && blank() === 0) || performance.now() - t0 > 30_000) resolve();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    const jumpMs = performance.now() - t0;
    obs.disconnect();
    return { intervals: intervals.slice(1), blankFrames, jumpMs, jumpLine: target, longTasks: long, scrolledTo: region.scrollTop };
  }, SCROLL_MS);
  await context.close();
  const iv = result.intervals;
  const seconds = iv.reduce((s, x) => s + x, 0) / 1000;
  return {
    fps: iv.length / seconds,
    frameP95: percentile(iv, 95),
    frameMax: Math.max(...iv),
    jank: iv.filter((x) => x > 50).length,
    blankFrames: result.blankFrames,
    frames: iv.length,
    longTasks: result.longTasks.length,
    longTaskMs: result.longTasks.reduce((s, d) => s + d, 0),
    jumpMs: result.jumpMs,
    jumpLine: result.jumpLine,
    lines,
  };
}

async function main(): Promise<void> {
  const dataDir = outDir(BENCH_OUT, "pg-data");
  const database = await openDatabase({ dataDir, port: Number(values["pg-port"]), useEnv: true, log });
  const auth = obtainAuth({ databaseUrl: database.url, email: "bench@faultline.invalid", log });
  log(`auth: ${auth.how}`);
  const server = await startServer({ port: Number(values.port), databaseUrl: database.url, worker: "on", logFile: path.join(BENCH_OUT, "page-server.log"), log });
  let browser: Browser | null = null;
  try {
    const teamId = (await callerTeam(server.url, auth)) ?? (await db().team.upsert({ where: { slug: "default" }, update: {}, create: { slug: "default", name: "Default team" }, select: { id: true } })).id;
    const cookie = await signIn(server.url, auth);
    const s = await seed(server.url, auth, teamId);
    log(`incident ${s.incidentId}: ${s.events.toLocaleString("en-US")} events in ${s.uploads} uploads; baseline incident ${s.smallIncidentId}; log ${s.logUploadId} (${s.logLines.toLocaleString("en-US")} lines)`);

    // The service call behind the page, in this process: how much of the page time is the data.
    const dataRuns: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      await getIncident({ incidentId: s.incidentId, teamId });
      if (i > 0) dataRuns.push(performance.now() - t0);
    }
    const big = await pageTimes(`${server.url}/incidents/${s.incidentId}`, cookie);
    const small = await pageTimes(`${server.url}/incidents/${s.smallIncidentId}`, cookie);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
    const bigBrowser = await browserRuns(browser, server.url, `${server.url}/incidents/${s.incidentId}`, cookie);
    const smallBrowser = await browserRuns(browser, server.url, `${server.url}/incidents/${s.smallIncidentId}`, cookie);
    const scroll = await scrollRun(browser, server.url, s.logUploadId, s.logLines, cookie);

    const ev = s.events.toLocaleString("en-US");
    console.log(`incident             ${ev} events in ${s.uploads} uploads; baseline: one upload of a corpus log`);
    console.log(`getIncident()        p50 ${fmt(median(dataRuns))} in-process (the page calls it twice: generateMetadata and the page)`);
    console.log(`page TTFB            p50 ${fmt(big.ttfbP50)}  p95 ${fmt(big.ttfbP95)}  (baseline p50 ${fmt(small.ttfbP50)}  p95 ${fmt(small.ttfbP95)}; target < 300 ms)`);
    console.log(`page total           p50 ${fmt(big.totalP50)}  p95 ${fmt(big.totalP95)}  ${(big.htmlBytes / 1024).toFixed(0)} KiB HTML, ${big.eventRows} event rows  (baseline p50 ${fmt(small.totalP50)}, ${(small.htmlBytes / 1024).toFixed(0)} KiB)`);
    console.log(`page LCP             p50 ${fmt(bigBrowser.lcp)}  (baseline ${fmt(smallBrowser.lcp)}; DOMContentLoaded ${fmt(bigBrowser.dcl)}, load ${fmt(bigBrowser.load)}, blocking time ${fmt(bigBrowser.tbt)}; target < 2500 ms)`);
    console.log(`log scroll           ${scroll.fps.toFixed(0)} fps over ${scroll.frames} frames, p95 frame ${fmt(scroll.frameP95)}, max ${fmt(scroll.frameMax)}, ${scroll.jank} frames > 50 ms, ${scroll.longTasks} long tasks (${fmt(scroll.longTaskMs)}), rows blank in ${scroll.blankFrames} frames; ${scroll.lines.toLocaleString("en-US")}-line log`);
    console.log(`log jump to middle   line ${scroll.jumpLine.toLocaleString("en-US")}: rows in view filled ${fmt(scroll.jumpMs)} after the jump`);
    console.log(`bench-json ${JSON.stringify({ events: s.events, uploads: s.uploads, dataP50: median(dataRuns), big, small, bigBrowser, smallBrowser, scroll })}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    await closePgPool().catch(() => {});
    await disconnectDb().catch(() => {});
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

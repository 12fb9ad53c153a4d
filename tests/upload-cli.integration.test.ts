// `faultline upload`: the request it builds (against a tiny recording HTTP server), its exit codes, and
// the whole path against Faultline's real route handlers served in-process: multipart upload → queue
// → worker → `--wait` prints the incident.
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import busboy from "busboy";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { uploadCommand, type UploadIO } from "../bin/commands/upload";
import { db, disconnectDb } from "../lib/db/client";
import { getBoss } from "../lib/jobs/boss";
import { startWorker, type RunningWorker } from "../lib/jobs/worker";
import { createApiToken } from "../lib/services/create-api-token";
import { createTeam, setUpJobs, tearDownJobs } from "./support/jobs-harness";
import { corpusText } from "./support/upload-factory";

const { schema } = setUpJobs();
const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-cli-"));
const servers: http.Server[] = [];
let worker: RunningWorker | null = null;

beforeAll(async () => {
  await getBoss();
});

afterEach(async () => {
  await worker?.stop({ timeoutMs: 5_000 });
  worker = null;
  for (const s of servers.splice(0)) s.close();
});

afterAll(async () => {
  await tearDownJobs(schema);
  await disconnectDb();
});

function logFile(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: UploadIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env, fetch, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 50))) };
  return uploadCommand(args, io).then((code) => ({ code, stdout: out.join(""), stderr: err.join("") }));
}

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  fields: Record<string, string>;
  files: { field: string; name: string; text: string }[];
}

/** Parses a multipart request the way the real server does (busboy). */
function record(req: http.IncomingMessage): Promise<Recorded> {
  const rec: Recorded = { method: req.method!, url: req.url!, headers: req.headers, fields: {}, files: [] };
  if (!req.headers["content-type"]?.startsWith("multipart/")) return Promise.resolve(rec);
  return new Promise((resolve, reject) => {
    const bb = busboy({ headers: req.headers });
    bb.on("field", (name, value) => (rec.fields[name] = value));
    bb.on("file", (field, stream, info) => {
      const parts: Buffer[] = [];
      stream.on("data", (d: Buffer) => parts.push(d));
      stream.on("end", () => rec.files.push({ field, name: info.filename ?? "", text: Buffer.concat(parts).toString() }));
    });
    bb.on("close", () => resolve(rec));
    bb.on("error", reject);
    req.pipe(bb);
  });
}

describe("the request it builds", () => {
  it("posts the files as multipart with metadata and the bearer token, and prints uploadId and statusUrl", async () => {
    const seen: Recorded[] = [];
    const base = await listen(async (req, res) => {
      seen.push(await record(req));
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ uploadId: "up_1", statusUrl: "/api/v1/uploads/up_1", duplicateOf: null }));
    });
    const a = logFile("build.log", "go: downloading x\n");
    const b = logFile("test.log", "FAIL\n");
    const result = await run([a, b, "--url", `${base}/`, "--token", "flt_secret", "--repo", "acme/ledger", "--branch", "main", "--commit", "abc123", "--run-url", "https://ci.example/run/7", "--ci-provider", "github-actions", "--workflow", "CI", "--job", "build"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({ uploadId: "up_1", statusUrl: `${base}/api/v1/uploads/up_1` });
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req).toMatchObject({ method: "POST", url: "/api/v1/uploads" });
    expect(req.headers.authorization).toBe("Bearer flt_secret");
    expect(req.fields).toEqual({ repo: "acme/ledger", branch: "main", commitSha: "abc123", runUrl: "https://ci.example/run/7", ciProvider: "github-actions", workflow: "CI", job: "build" });
    expect(req.files).toEqual([
      { field: "file", name: "build.log", text: "go: downloading x\n" },
      { field: "file", name: "test.log", text: "FAIL\n" },
    ]);
  });

  it("takes URL and token from the environment, and a base URL with a path", async () => {
    const seen: Recorded[] = [];
    const base = await listen(async (req, res) => {
      seen.push(await record(req));
      res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ uploadId: "up_2", statusUrl: "/faultline/api/v1/uploads/up_2", duplicateOf: "up_1" }));
    });
    const result = await run([logFile("a.log", "x\n")], { FAULTLINE_URL: `${base}/faultline`, FAULTLINE_TOKEN: "flt_env" });
    expect(result.code).toBe(0);
    expect(seen[0]).toMatchObject({ url: "/faultline/api/v1/uploads", headers: { authorization: "Bearer flt_env" } });
    expect(result.stderr).toMatch(/uploaded before as up_1/);
  });

  it("exits 2 for bad usage and unreadable files, without sending anything", async () => {
    let requests = 0;
    const base = await listen((_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    const ok = logFile("ok.log", "x\n");
    for (const args of [
      [],
      [ok, "--token", "t"],
      [ok, "--url", base],
      [ok, "--url", "not-a-url", "--token", "t"],
      [ok, "--url", base, "--token", "t", "--colour"],
      [path.join(dir, "missing.log"), "--url", base, "--token", "t"],
      [dir, "--url", base, "--token", "t"],
      [ok, "--url", base, "--token", "t", "--timeout", "5"],
    ]) {
      const r = await run(args);
      expect(r.code, `${args.join(" ")} → ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^faultline upload: /);
    }
    expect(requests).toBe(0);
  });

  it("exits 1 with the server's problem detail when the server refuses, or cannot be reached", async () => {
    const base = await listen((_req, res) => {
      _req.resume();
      res.writeHead(415, { "content-type": "application/problem+json" }).end(JSON.stringify({ title: "Unsupported Media Type", status: 415, detail: "file a.out cannot be analysed: it contains NUL bytes", requestId: "req-9" }));
    });
    const refused = await run([logFile("a.out", "x\n"), "--url", base, "--token", "t"]);
    expect(refused).toMatchObject({ code: 1, stdout: "" });
    expect(refused.stderr).toBe("faultline upload: the upload was refused: HTTP 415: file a.out cannot be analysed: it contains NUL bytes (request id req-9)\n");
    const closed = await listen(() => {});
    servers.pop()!.close();
    const unreachable = await run([logFile("b.log", "x\n"), "--url", closed, "--token", "t"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/cannot reach .*ECONNREFUSED/);
  });

  it("--wait exits 1 when the analysis failed", async () => {
    const base = await listen((req, res) => {
      req.resume();
      if (req.method === "POST") return res.writeHead(202, { "content-type": "application/json" }).end(JSON.stringify({ uploadId: "u", statusUrl: "/api/v1/uploads/u" }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "failed", error: "not a zip archive", incidentId: null, rootCause: null }));
    });
    const r = await run([logFile("c.zip", "x\n"), "--url", base, "--token", "t", "--wait"]);
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(/the analysis failed: not a zip archive/);
  });
});

/** Serves Faultline's real upload route handlers (the same code `npm start` runs). */
async function serveFaultline(): Promise<string> {
  const uploads = await import("../app/api/v1/uploads/route");
  const upload = await import("../app/api/v1/uploads/[id]/route");
  return listen(async (req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const body = req.method === "GET" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
    const request = new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit);
    const m = /^\/api\/v1\/uploads\/([^/]+)$/.exec(url.pathname);
    const response =
      url.pathname === "/api/v1/uploads" && req.method === "POST"
        ? await uploads.POST(request, { params: Promise.resolve({}) })
        : m && req.method === "GET"
          ? await upload.GET(request, { params: Promise.resolve({ id: m[1] }) })
          : new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}

describe("against Faultline", () => {
  it("uploads, waits for the analysis and prints the incident as one JSON document", async () => {
    const teamId = await createTeam();
    const { token } = await createApiToken({ teamId, token: { name: "cli test", scopes: ["upload", "read"] } });
    const base = await serveFaultline();
    worker = await startWorker({ concurrency: 1, log: () => {} });
    const log = logFile("go-build.log", `${corpusText("go-checksum-mismatch.log")}\n# ${Date.now()}\n`);
    const result = await run([log, "--url", base, "--token", token, "--repo", "acme/ledger-cli", "--job", "build", "--wait", "--timeout", "60"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc)).toEqual(["uploadId", "incidentId", "incidentUrl", "rootCause"]);
    expect(doc).toEqual({ uploadId: expect.any(String), incidentId: expect.any(String), incidentUrl: `${base}/incidents/${doc.incidentId}`, rootCause: { class: "checksum_mismatch", line: 2 } });
    const stored = await db().upload.findUniqueOrThrow({ where: { id: doc.uploadId }, include: { files: true } });
    expect(stored).toMatchObject({ teamId, repo: "acme/ledger-cli", job: "build", incidentId: doc.incidentId, status: "done" });
    expect(stored.files.map((f) => f.name)).toEqual(["go-build.log"]);

    // A token that is not valid is refused by the server: exit 1, nothing stored.
    const before = await db().upload.count({ where: { teamId } });
    const refused = await run([log, "--url", base, "--token", "flt_not_a_real_token"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/HTTP 401/);
    expect(await db().upload.count({ where: { teamId } })).toBe(before);
  });

  it("answers a second upload of the same bytes with duplicateOf, still 202", async () => {
    const teamId = await createTeam();
    const { token } = await createApiToken({ teamId, token: { name: "dup test", scopes: ["upload", "read"] } });
    const base = await serveFaultline();
    const log = logFile("dup.log", `${corpusText("go-proxy-403.log")}\n# ${Date.now()}\n`);
    const post = async () => {
      const form = new FormData();
      form.append("file", new Blob([corpusText("go-proxy-403.log")]), "dup.log");
      const res = await fetch(`${base}/api/v1/uploads`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, body: (await res.json()) as { uploadId: string; duplicateOf: string | null } };
    };
    const first = await post();
    const second = await post();
    expect(first).toMatchObject({ status: 202, body: { duplicateOf: null } });
    expect(second).toMatchObject({ status: 202, body: { duplicateOf: first.body.uploadId } });
    const viaCli = await run([log, "--url", base, "--token", token]);
    expect(viaCli.code).toBe(0);
    const binary = logFile("core", "\0\0\0ELF");
    const refused = await run([binary, "--url", base, "--token", token]);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.stderr).toMatch(/HTTP 415: file core cannot be analysed: it contains NUL bytes/);
  });
});

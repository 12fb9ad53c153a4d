// `faultline upload <files…> --url URL --token TOKEN [metadata] [--wait]`: sends logs to a Faultline
// server's POST /api/v1/uploads as multipart, streaming each file from disk (fs.openAsBlob), and prints
// one JSON document: `{ uploadId, statusUrl }`, or with --wait, once the analysis is done,
// `{ uploadId, incidentId, incidentUrl, rootCause }`. Exit codes: 0 done, 1 the server refused or the
// analysis failed, 2 bad usage or an unreadable file.
import { openAsBlob } from "node:fs";
import { access, constants, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const USAGE = `usage: faultline upload <files…> --url URL --token TOKEN
         [--repo R] [--branch B] [--commit SHA] [--run-url URL] [--ci-provider P] [--workflow W] [--job J]
         [--started-at ISO] [--finished-at ISO] [--wait [--timeout SECONDS]]
  --url and --token default to FAULTLINE_URL and FAULTLINE_TOKEN.
`;

/** CLI flag → upload metadata field of the API. */
const METADATA_FLAGS = {
  repo: "repo",
  branch: "branch",
  commit: "commitSha",
  "run-url": "runUrl",
  "ci-provider": "ciProvider",
  workflow: "workflow",
  job: "job",
  "started-at": "startedAt",
  "finished-at": "finishedAt",
} as const;

export interface UploadIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
}

const defaultIO = (): UploadIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  fetch: globalThis.fetch,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});

class UsageError extends Error {}
class ServerError extends Error {}

export interface UploadStatus {
  status: string;
  error: string | null;
  incidentId: string | null;
  rootCause: { class: string; line: number; file?: string } | null;
}

export async function uploadCommand(args: string[], io: UploadIO = defaultIO()): Promise<number> {
  try {
    const opts = parseOptions(args, io.env);
    if (opts === "help") {
      io.stdout(USAGE);
      return 0;
    }
    const sent = await send(opts, io);
    const statusUrl = new URL(sent.statusUrl, opts.url).toString();
    if (sent.duplicateOf) io.stderr(`faultline upload: the same bytes were uploaded before as ${sent.duplicateOf}\n`);
    if (!opts.wait) {
      io.stdout(`${JSON.stringify({ uploadId: sent.uploadId, statusUrl })}\n`);
      return 0;
    }
    const done = await waitForAnalysis(statusUrl, opts, io);
    const incidentUrl = done.incidentId ? new URL(`incidents/${encodeURIComponent(done.incidentId)}`, opts.url).toString() : null;
    const rootCause = done.rootCause ? { class: done.rootCause.class, line: done.rootCause.line, ...(done.rootCause.file ? { file: done.rootCause.file } : {}) } : null;
    io.stdout(`${JSON.stringify({ uploadId: sent.uploadId, incidentId: done.incidentId, incidentUrl, rootCause })}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`faultline upload: ${err.message}\n${err.message.startsWith("cannot read") ? "" : USAGE}`);
      return 2;
    }
    io.stderr(`faultline upload: ${(err as Error).message}\n`);
    return 1;
  }
}

interface Options {
  files: string[];
  /** Base URL with a trailing slash, so relative URLs resolve under it. */
  url: string;
  token: string;
  metadata: [string, string][];
  wait: boolean;
  timeoutMs: number;
}

function parseOptions(args: string[], env: UploadIO["env"]): Options | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: "string" },
        token: { type: "string" },
        wait: { type: "boolean" },
        timeout: { type: "string" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(Object.keys(METADATA_FLAGS).map((k) => [k, { type: "string" as const }])),
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify a positional.*$/s, ""));
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (v.help) return "help";
  if (parsed.positionals.length === 0) throw new UsageError("name at least one log file");
  const rawUrl = (v.url as string | undefined) ?? env.FAULTLINE_URL;
  if (!rawUrl) throw new UsageError("--url is required (or set FAULTLINE_URL)");
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`--url ${JSON.stringify(rawUrl)} is not an absolute URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UsageError("--url must be http:// or https://");
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  const token = (v.token as string | undefined) ?? env.FAULTLINE_TOKEN;
  if (!token) throw new UsageError("--token is required (or set FAULTLINE_TOKEN)");
  const timeoutSeconds = v.timeout === undefined ? 600 : Number(v.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError("--timeout must be a number of seconds > 0");
  if (v.timeout !== undefined && !v.wait) throw new UsageError("--timeout only applies with --wait");
  const metadata: [string, string][] = [];
  for (const [flag, field] of Object.entries(METADATA_FLAGS)) {
    const value = v[flag];
    if (typeof value === "string" && value !== "") metadata.push([field, value]);
  }
  return { files: parsed.positionals, url: url.toString(), token, metadata, wait: !!v.wait, timeoutMs: timeoutSeconds * 1000 };
}

async function readable(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
    if ((await stat(file)).isDirectory()) throw new UsageError(`cannot read ${file}: is a directory`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (err as Error).message}`);
  }
}

async function send(opts: Options, io: UploadIO): Promise<{ uploadId: string; statusUrl: string; duplicateOf: string | null }> {
  for (const f of opts.files) await readable(f);
  const form = new FormData();
  // Metadata first: the server reads fields after the files anyway, but proxies that log see them early.
  for (const [field, value] of opts.metadata) form.append(field, value);
  // File-backed blobs: fetch streams them from disk instead of reading whole files into memory.
  for (const f of opts.files) form.append("file", await openAsBlob(f), path.basename(f));
  const endpoint = new URL("api/v1/uploads", opts.url);
  let res: Response;
  try {
    res = await io.fetch(endpoint, { method: "POST", body: form, headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" } });
  } catch (err) {
    throw new ServerError(`cannot reach ${endpoint}: ${causeOf(err)}`);
  }
  if (res.status !== 202) throw new ServerError(await problemText("the upload was refused", res));
  const body = (await res.json()) as { uploadId?: string; statusUrl?: string; duplicateOf?: string | null };
  if (!body.uploadId || !body.statusUrl) throw new ServerError("the server's answer has no uploadId or statusUrl");
  return { uploadId: body.uploadId, statusUrl: body.statusUrl, duplicateOf: body.duplicateOf ?? null };
}

async function waitForAnalysis(statusUrl: string, opts: Options, io: UploadIO): Promise<UploadStatus> {
  const deadline = Date.now() + opts.timeoutMs;
  let delay = 500;
  let transientFailures = 0;
  for (;;) {
    let res: Response | null = null;
    try {
      res = await io.fetch(statusUrl, { headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" } });
    } catch (err) {
      if (++transientFailures > 5) throw new ServerError(`cannot reach ${statusUrl}: ${causeOf(err)}`);
    }
    if (res && res.ok) {
      transientFailures = 0;
      const s = (await res.json()) as UploadStatus;
      if (s.status === "done") return s;
      if (s.status === "failed") throw new ServerError(`the analysis failed: ${s.error ?? "no reason given"}`);
    } else if (res) {
      // 5xx (a restart, the database away for a moment) is retried; 4xx will not get better.
      if (res.status < 500 || ++transientFailures > 5) throw new ServerError(await problemText("checking the analysis failed", res));
    }
    if (Date.now() + delay > deadline) throw new ServerError(`the analysis did not finish within ${opts.timeoutMs / 1000} s (status: ${statusUrl})`);
    await io.sleep(delay);
    delay = Math.min(delay * 2, 5000);
  }
}

async function problemText(what: string, res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  let detail = text.slice(0, 500);
  try {
    const p = JSON.parse(text) as { title?: string; detail?: string; requestId?: string };
    detail = [p.detail ?? p.title, p.requestId ? `(request id ${p.requestId})` : ""].filter(Boolean).join(" ");
  } catch {
    /* not problem+json: keep the text */
  }
  return `${what}: HTTP ${res.status}${detail ? `: ${detail}` : ""}`;
}

function causeOf(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

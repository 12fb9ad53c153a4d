// HTTP calls of the drills, timed, never throwing: a reply records the status, the latency, the
// Retry-After header and (for errors) the body, or the network error when there was no reply.
import type { UploadBody } from "./logs";

export interface Reply {
  endpoint: string;
  status: number; // 0: no HTTP reply (connection refused or reset, timeout)
  ms: number;
  at: number;
  retryAfter: string | null;
  contentType: string | null;
  body: string;
  error?: string;
}

export interface UploadReply extends Reply {
  uploadId?: string;
  sha256?: string;
  bytes?: number;
}

async function timed(endpoint: string, url: string, init: RequestInit, timeoutMs: number): Promise<Reply> {
  const at = Date.now();
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { endpoint, status: res.status, ms: performance.now() - t0, at, retryAfter: res.headers.get("retry-after"), contentType: res.headers.get("content-type"), body };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    return { endpoint, status: 0, ms: performance.now() - t0, at, retryAfter: null, contentType: null, body: "", error: e.cause?.code ?? e.cause?.message ?? e.name + ": " + e.message };
  }
}

export async function postUpload(base: string, headers: Record<string, string>, up: UploadBody, timeoutMs = 300_000): Promise<UploadReply> {
  let reply: Reply;
  if (up.kind === "multipart" || up.kind === "zip") {
    const form = new FormData();
    form.append("repo", "drills/faultline");
    form.append("file", new Blob([new Uint8Array(up.body)]), up.name);
    reply = await timed("POST /api/v1/uploads", `${base}/api/v1/uploads`, { method: "POST", headers, body: form }, timeoutMs);
  } else {
    const type = up.kind === "gzip" ? "application/gzip" : "text/plain";
    const qs = new URLSearchParams({ name: up.name, repo: "drills/faultline" });
    reply = await timed("POST /api/v1/uploads", `${base}/api/v1/uploads?${qs}`, { method: "POST", headers: { ...headers, "content-type": type }, body: new Uint8Array(up.body) }, timeoutMs);
  }
  if (reply.status !== 202) return reply;
  try {
    const json = JSON.parse(reply.body) as { uploadId: string; sha256: string; bytes: number };
    return { ...reply, uploadId: json.uploadId, sha256: json.sha256, bytes: json.bytes };
  } catch {
    return { ...reply, error: "202 without a JSON body" };
  }
}

export function get(base: string, path: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<Reply> {
  return timed(`GET ${path.replace(/\/c[a-z0-9]{20,}/g, "/:id").split("?")[0]}`, `${base}${path}`, { headers }, timeoutMs);
}

/** Replies that break the contract: any 5xx other than 503 + Retry-After, and no reply at all. */
export function badReplies(replies: Reply[]): Reply[] {
  return replies.filter((r) => r.status === 0 || (r.status >= 500 && !(r.status === 503 && r.retryAfter)));
}

export function describeReply(r: Reply): string {
  const body = r.body.replace(/\s+/g, " ").slice(0, 300);
  return `${r.endpoint} -> ${r.status || r.error}${r.retryAfter ? ` (Retry-After ${r.retryAfter})` : ""} at ${new Date(r.at).toISOString()} after ${Math.round(r.ms)} ms${body ? `: ${body}` : ""}`;
}

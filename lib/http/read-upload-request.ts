// Turns an upload request into a stream of files without buffering them: multipart/form-data (any
// number of file parts) or a raw body (text, .gz, .zip). Metadata comes from query parameters and
// from multipart text fields; fields may follow the files, so metadata is read once files are done.
// A client that goes away part way (a cancelled transfer, a closed tab) ends the body with an error,
// so the upload is refused and what was stored of it removed, instead of waiting for bytes forever.
import { Readable } from "node:stream";
import busboy from "busboy";
import type { IncomingFile } from "../services/create-upload";
import { ValidationError } from "../services/errors";

const METADATA_KEYS = ["repo", "branch", "commitSha", "ciProvider", "workflow", "job", "runUrl", "startedAt", "finishedAt"] as const;

export interface UploadRequest {
  files: AsyncIterable<IncomingFile>;
  metadata: () => Record<string, string>;
}

export function readUploadRequest(request: Request): UploadRequest {
  const url = new URL(request.url);
  const meta: Record<string, string> = {};
  for (const k of METADATA_KEYS) {
    const v = url.searchParams.get(k) ?? url.searchParams.get(k.toLowerCase());
    if (v) meta[k] = v;
  }
  if (!request.body) throw new ValidationError("the request has no body");
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    return { files: multipartFiles(request, meta), metadata: () => meta };
  }
  const name = url.searchParams.get("name") ?? filenameFromDisposition(request.headers.get("content-disposition")) ?? "upload.log";
  const body = requestBody(request);
  return {
    files: (async function* () {
      yield { name, contentType: type || undefined, stream: body };
    })(),
    metadata: () => meta,
  };
}

/**
 * The request body as a Node stream that fails once the client disconnects. Next aborts the request's
 * signal when the connection closes before the response is sent, but leaves the body stream waiting.
 */
function requestBody(request: Request): Readable {
  const body = drainingReadable(request.body!);
  const { signal } = request;
  const gone = () => body.destroy(new ValidationError("the client closed the connection before the upload was complete"));
  if (signal.aborted) gone();
  else {
    signal.addEventListener("abort", gone, { once: true });
    body.once("close", () => signal.removeEventListener("abort", gone));
  }
  return body;
}

/**
 * Like Readable.fromWeb, except that a body abandoned part way (an upload refused after its first
 * bytes) is read to its end and discarded instead of cancelled. Node does the same for unread bodies
 * (`req._dump()`); a cancelled one leaves the rest of it in the keep-alive connection, where the
 * client's next request then waits unanswered until the connection times out.
 */
function drainingReadable(web: ReadableStream<Uint8Array>): Readable {
  const reader = web.getReader();
  return new Readable({
    async read() {
      try {
        const r = await reader.read();
        this.push(r.done ? null : r.value);
      } catch (err) {
        this.destroy(err as Error);
      }
    },
    destroy(err, callback) {
      void discardRest(reader);
      callback(err);
    },
  });
}

/** Reads a body to its end without keeping it (in the background; errors mean the client left). */
export async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    for (;;) if ((await reader.read()).done) return;
  } catch {
    // The client went away: nothing left to keep in sync.
  }
}

function filenameFromDisposition(header: string | null): string | undefined {
  const m = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
  return m ? decodeURIComponent(m[1]) : undefined;
}

async function* multipartFiles(request: Request, meta: Record<string, string>): AsyncGenerator<IncomingFile> {
  const bb = busboy({ headers: { "content-type": request.headers.get("content-type")! }, limits: { files: 1000, fields: 100, fieldSize: 64 * 1024 } });
  const queue: (IncomingFile | Error | null)[] = [];
  let wake: (() => void) | null = null;
  const push = (item: IncomingFile | Error | null) => {
    queue.push(item);
    wake?.();
  };
  bb.on("file", (_field, stream, info) => push({ name: info.filename || "upload.log", contentType: info.mimeType, stream }));
  bb.on("field", (name, value) => {
    if ((METADATA_KEYS as readonly string[]).includes(name) && value) meta[name] = value;
  });
  bb.on("error", (err) => push(new ValidationError(`malformed multipart body: ${(err as Error).message}`)));
  bb.on("close", () => push(null));
  const body = requestBody(request);
  body.on("error", (err) => {
    push(err);
    bb.destroy(err); // fails the file part being stored, which would otherwise wait for more bytes
  });
  body.pipe(bb);
  for (;;) {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    wake = null;
    const item = queue.shift()!;
    if (item === null) return;
    if (item instanceof Error) throw item;
    yield item;
  }
}

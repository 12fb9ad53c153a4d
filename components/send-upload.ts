// Sends files as one upload to POST /api/v1/uploads (multipart: the build details as fields, then every
// file) with transfer progress. XMLHttpRequest, because fetch has no upload progress events in
// browsers (request streams report nothing back, and need HTTP/2).
export interface SentUpload {
  uploadId: string;
  sha256: string;
  bytes: number;
  /** An earlier upload of the same team with the same sha256. */
  duplicateOf: string | null;
}

/** The server refused the file: `detail` is its problem+json explanation. */
export class UploadRejectedError extends Error {
  constructor(
    public readonly status: number,
    public readonly detail: string,
  ) {
    super(detail);
  }
}

/** The transfer was stopped through its AbortSignal before the server answered. */
export class UploadCancelledError extends Error {
  constructor() {
    super("the upload was cancelled");
  }
}

export interface SendUploadInput {
  files: readonly File[];
  /** API metadata fields (repo, branch, commitSha, runUrl, …); empty values are not sent. */
  metadata?: Readonly<Record<string, string | undefined>>;
  /** Bytes of the files sent so far, of their total (the multipart framing is left out). */
  onProgress: (sent: number, total: number) => void;
  /** Aborting stops the transfer; the server keeps nothing of an upload cut off part way. */
  signal?: AbortSignal;
}

export function sendUpload({ files, metadata = {}, onProgress, signal }: SendUploadInput): Promise<SentUpload> {
  const size = files.reduce((n, f) => n + f.size, 0);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadCancelledError());
    const form = new FormData();
    // Fields first: the server may read them after the files, but a proxy logging the start sees them.
    for (const [name, value] of Object.entries(metadata)) if (value) form.append(name, value);
    for (const file of files) form.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/uploads");
    xhr.setRequestHeader("accept", "application/json");
    // Progress counts the whole body; scaled to the files' bytes so the page can say "1.2 MiB of 3 MiB".
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable && e.total > 0 ? Math.min(size, Math.round((e.loaded / e.total) * size)) : Math.min(e.loaded, size), size);
    // The last progress event can come before the final bytes leave; the answer means they all arrived.
    xhr.upload.onload = () => onProgress(size, size);
    xhr.onerror = () => reject(new Error("the upload could not reach the server; check the connection and try again"));
    xhr.onabort = () => reject(new UploadCancelledError());
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 202 && typeof body.uploadId === "string") {
        resolve({ uploadId: body.uploadId, sha256: String(body.sha256 ?? ""), bytes: Number(body.bytes ?? size), duplicateOf: (body.duplicateOf as string | null) ?? null });
      } else {
        const detail = typeof body.detail === "string" ? body.detail : `the server answered HTTP ${xhr.status}`;
        reject(new UploadRejectedError(xhr.status, detail));
      }
    };
    xhr.send(form);
  });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {}; // an HTML error page from a proxy in front of Faultline
  }
}

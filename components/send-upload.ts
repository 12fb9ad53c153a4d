// Sends one file to POST /api/v1/uploads with transfer progress. XMLHttpRequest, because fetch has no
// upload progress events in browsers (request streams report nothing back, and need HTTP/2).
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

export function sendUpload(file: File, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<SentUpload> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/uploads");
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    // The last progress event can come before the final bytes leave; the answer means they all arrived.
    xhr.upload.onload = () => onProgress(file.size, file.size);
    xhr.onerror = () => reject(new Error("the upload could not reach the server; check the connection and try again"));
    xhr.onabort = () => reject(new Error("the upload was cancelled"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status === 202 && typeof body.uploadId === "string") {
        resolve({ uploadId: body.uploadId, sha256: String(body.sha256 ?? ""), bytes: Number(body.bytes ?? file.size), duplicateOf: (body.duplicateOf as string | null) ?? null });
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

import { describe, expect, it } from "vitest";
import { readUploadRequest } from "./read-upload-request";

const BOUNDARY = "----faultline-test";

/** A request whose body sends `first` and then stalls, as a client does that stops part way. */
function stalledRequest(first: string, headers: Record<string, string>, query = "") {
  const client = new AbortController();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
    },
  });
  const request = new Request(`http://faultline.test/api/v1/uploads${query}`, { method: "POST", body, headers, duplex: "half", signal: client.signal } as RequestInit);
  return { request, disconnect: () => client.abort() };
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const piece of stream) n += piece.byteLength;
  return n;
}

describe("readUploadRequest when the client goes away part way", () => {
  it("fails the multipart file being read instead of waiting for its bytes", async () => {
    const head = `--${BOUNDARY}\r\ncontent-disposition: form-data; name="repo"\r\n\r\nacme/api\r\n--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="build.log"\r\ncontent-type: text/plain\r\n\r\nline 1\nline 2\n`;
    const { request, disconnect } = stalledRequest(head, { "content-type": `multipart/form-data; boundary=${BOUNDARY}` });
    const files = readUploadRequest(request).files[Symbol.asyncIterator]();
    const first = await files.next();
    expect(first.done).toBe(false);
    const reading = readAll(first.value!.stream);
    setTimeout(disconnect, 20);
    await expect(reading).rejects.toThrow("the client closed the connection before the upload was complete");
    await expect(files.next()).rejects.toThrow("the client closed the connection before the upload was complete");
  });

  it("fails a raw body", async () => {
    const { request, disconnect } = stalledRequest("line 1\n", { "content-type": "text/plain" }, "?name=raw.log");
    const files = readUploadRequest(request).files[Symbol.asyncIterator]();
    const first = await files.next();
    expect(first.value?.name).toBe("raw.log");
    const reading = readAll(first.value!.stream);
    setTimeout(disconnect, 20);
    await expect(reading).rejects.toThrow("the client closed the connection before the upload was complete");
  });

  it("reads a complete multipart body with its fields as before", async () => {
    const text = `--${BOUNDARY}\r\ncontent-disposition: form-data; name="branch"\r\n\r\nmain\r\n--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="a.log"\r\n\r\nhello\n\r\n--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="b.log"\r\n\r\nworld\n\r\n--${BOUNDARY}--\r\n`;
    const request = new Request("http://faultline.test/api/v1/uploads", { method: "POST", body: text, headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` } });
    const upload = readUploadRequest(request);
    const seen: [string, number][] = [];
    for await (const f of upload.files) seen.push([f.name, await readAll(f.stream)]);
    expect(seen).toEqual([["a.log", 6], ["b.log", 6]]);
    expect(upload.metadata()).toEqual({ branch: "main" });
  });
});

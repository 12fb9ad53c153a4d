import { describe, expect, it } from "vitest";
import { eventStreamResponse, formatServerSentEvent } from "./event-stream";

const text = async (res: Response) => new TextDecoder().decode(await res.arrayBuffer());

describe("event stream responses", () => {
  it("writes named events with JSON data, newlines escaped inside the JSON", () => {
    expect(formatServerSentEvent({ event: "progress", data: { line: "a\nb" } })).toBe('event: progress\ndata: {"line":"a\\nb"}\n\n');
  });

  it("opens with a comment, sends heartbeats while the producer is idle, and ends with the producer", async () => {
    const res = eventStreamResponse(
      async function* () {
        await new Promise((r) => setTimeout(r, 60));
        yield { event: "done", data: 1 };
      },
      { signal: new AbortController().signal, heartbeatMs: 10 },
    );
    expect(res.headers.get("cache-control")).toBe("no-cache, no-transform");
    const body = await text(res);
    expect(body.startsWith(": connected\n\n")).toBe(true);
    expect(body).toContain(": heartbeat\n\n");
    expect(body.endsWith("event: done\ndata: 1\n\n")).toBe(true);
  });

  it("stops the producer when the response is cancelled or the request aborts", async () => {
    for (const how of ["cancel", "abort"] as const) {
      const request = new AbortController();
      let producerSignal: AbortSignal | undefined;
      const res = eventStreamResponse(
        async function* (signal) {
          producerSignal = signal;
          yield { event: "progress", data: 0 };
          await new Promise((r) => signal.addEventListener("abort", r));
        },
        { signal: request.signal },
      );
      const reader = res.body!.getReader();
      await reader.read();
      if (how === "cancel") await reader.cancel();
      else request.abort();
      expect(producerSignal?.aborted, how).toBe(true);
    }
  });
});

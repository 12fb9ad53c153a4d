// A text/event-stream (server-sent events) response from an async sequence of events, with comment
// heartbeats so idle connections are not cut by proxies, and an end as soon as the client goes.
export interface ServerSentEvent {
  event: string;
  data: unknown;
}

const HEARTBEAT_MS = 15_000;

const encoder = new TextEncoder();

/** One event in the wire format; `data` is JSON, which never contains a raw newline. */
export function formatServerSentEvent({ event, data }: ServerSentEvent): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Streams `produce(signal)`'s events. `signal` aborts when the request's signal does or the response
 * stream is cancelled (Next.js reports a disconnect either way, depending on when it happens), so the
 * producer stops its database polling at once.
 */
export function eventStreamResponse(
  produce: (signal: AbortSignal) => AsyncIterable<ServerSentEvent>,
  opts: { signal: AbortSignal; heartbeatMs?: number; headers?: Record<string, string> },
): Response {
  const stop = new AbortController();
  const onClientGone = () => stop.abort();
  opts.signal.addEventListener("abort", onClientGone, { once: true });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const finish = () => {
    clearInterval(heartbeat);
    opts.signal.removeEventListener("abort", onClientGone);
    stop.abort();
  };

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!stop.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      // A first byte at once: the browser sees the stream open (EventSource `open`) before any event.
      send(": connected\n\n");
      heartbeat = setInterval(() => send(": heartbeat\n\n"), opts.heartbeatMs ?? HEARTBEAT_MS);
      try {
        for await (const e of produce(stop.signal)) {
          if (stop.signal.aborted) break;
          send(formatServerSentEvent(e));
        }
        closeQuietly(controller);
      } catch (err) {
        // Headers are gone already, so there is no problem+json to send: the connection ends in an
        // error and the client falls back to polling the status endpoint, which reports it properly.
        if (stop.signal.aborted) closeQuietly(controller);
        else controller.error(err);
      } finally {
        finish();
      }
    },
    cancel() {
      finish();
    },
  });

  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: Next.js's gzip (the `compression` package) and other proxies leave the stream
      // alone instead of holding events back to fill a compression block.
      "cache-control": "no-cache, no-transform",
      // nginx and similar reverse proxies buffer responses unless told not to.
      "x-accel-buffering": "no",
      ...opts.headers,
    },
  });
}

/** A stream the client already cancelled refuses close(); there is nobody left to tell. */
function closeQuietly(controller: ReadableStreamDefaultController<Uint8Array>): void {
  try {
    controller.close();
  } catch {
    /* already cancelled */
  }
}

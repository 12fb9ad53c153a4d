// Reads a text/event-stream response body one event at a time, the way EventSource does (comments,
// i.e. heartbeats, are skipped), so tests can drive progress between events.
export interface ReadEvent {
  event: string;
  data: unknown;
}

export function serverSentEventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    /** The next event, or null when the stream has ended. */
    async next(): Promise<ReadEvent | null> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = block.split("\n").filter((l) => !l.startsWith(":"));
          if (fields.length === 0) continue;
          const field = (name: string) => fields.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          return { event: field("event") ?? "message", data: JSON.parse(field("data") ?? "null") };
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

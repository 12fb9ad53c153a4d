// Cuts a byte stream into physical lines and keeps only a window of them (lines from..from+count-1),
// so viewing any part of a large log holds just that window in memory.
const MAX_LINE_CHARS = 8_000;

export interface LogLineView {
  no: number;
  text: string;
  truncated?: boolean;
}

export async function collectLineWindow(
  source: AsyncIterable<Uint8Array>,
  opts: { firstLineNo: number; from: number; count: number },
): Promise<{ lines: LogLineView[]; hasMore: boolean }> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const lines: LogLineView[] = [];
  const last = opts.from + opts.count - 1;
  let no = opts.firstLineNo;
  let partial = "";
  let partialLength = 0;
  const emit = (text: string, fullLength: number) => {
    if (no >= opts.from && no <= last) {
      // A terminal shows what follows the last carriage return of a line (progress redraws).
      const cr = text.lastIndexOf("\r", text.length - 2);
      const shown = (cr >= 0 ? text.slice(cr + 1) : text).replace(/\r$/, "");
      lines.push(fullLength > MAX_LINE_CHARS ? { no, text: shown, truncated: true } : { no, text: shown });
    }
    no++;
  };
  for await (const piece of source) {
    const text = decoder.decode(piece, { stream: true });
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      const seg = text.slice(start, nl);
      emit(partialLength < MAX_LINE_CHARS ? (partial + seg).slice(0, MAX_LINE_CHARS) : partial, partialLength + seg.length);
      partial = "";
      partialLength = 0;
      start = nl + 1;
      if (no > last) return { lines, hasMore: true };
    }
    const rest = text.slice(start);
    if (partialLength < MAX_LINE_CHARS) partial = (partial + rest).slice(0, MAX_LINE_CHARS);
    partialLength += rest.length;
  }
  const tail = partial + decoder.decode();
  if (partialLength > 0 || tail.length > 0) emit(tail.slice(0, MAX_LINE_CHARS), partialLength);
  return { lines, hasMore: false };
}

// A minimal streaming line reader for the strace dev runner and benchmark (the engine has its own):
// reads 1 MB at a time into a reused buffer, cuts at the last "\n", decodes that part (as latin1 when
// it is pure ASCII, which strace output is: it escapes every other byte) and splits it. Memory: one
// buffer of twice the chunk, plus the lines of one chunk.
import { isAscii } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 1 << 20;

export function* readLineBatches(path: string): Generator<string[]> {
  for (const { buf, end } of readLineBytes(path)) {
    // A run ends just past its last "\n", except a final line without one.
    const text = decode(buf.subarray(0, buf[end - 1] === 10 ? end - 1 : end));
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) if (lines[i].endsWith("\r")) lines[i] = lines[i].slice(0, -1);
    yield lines;
  }
}

export function* readLines(path: string): Generator<string> {
  for (const batch of readLineBatches(path)) yield* batch;
}

const decode = (b: Buffer) => b.toString(isAscii(b) ? "latin1" : "utf8");

/**
 * The file as runs of complete lines in a reused buffer, undecoded (for LineAnalyzer.pushLines): each
 * item is valid until the next one is requested; `end` is just past the run's last `\n` (or the end of
 * a final line without one).
 */
export function* readLineBytes(path: string): Generator<{ buf: Buffer; end: number }> {
  const fd = openSync(path, "r");
  try {
    let buf = Buffer.allocUnsafe(2 * CHUNK);
    let carry = 0;
    for (;;) {
      if (buf.length - carry < CHUNK) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const n = readSync(fd, buf, carry, CHUNK, null);
      const end = carry + n;
      if (n <= 0) {
        if (carry) yield { buf, end: carry };
        return;
      }
      const lastNl = buf.lastIndexOf(10, end - 1);
      if (lastNl < 0) {
        carry = end;
        continue;
      }
      yield { buf, end: lastNl + 1 };
      buf.copy(buf, 0, lastNl + 1, end);
      carry = end - lastNl - 1;
    }
  } finally {
    closeSync(fd);
  }
}

// Refuses what the analyzer cannot read before it is stored: binaries, UTF-16 text, and compressed
// formats other than gzip and zip. Looks at the first KiB of each file only.
import { UnsupportedMediaTypeError } from "./errors";

export const SNIFF_BYTES = 1024;

export type HeadVerdict = { ok: true; kind: "gzip" | "zip" | "text" } | { ok: false; reason: string };

const OTHER_COMPRESSION: [string, number[]][] = [
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
  ["bzip2", [0x42, 0x5a, 0x68]],
  ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ["rar", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
];

const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

// Bytes that text logs legitimately carry: tab, LF, VT, FF, CR, BS, BEL, ESC (ANSI colours).
const TEXT_CONTROLS = new Set([0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/** What the first bytes of a file say about it. */
export function classifyHead(head: Uint8Array): HeadVerdict {
  if (head[0] === 0x1f && head[1] === 0x8b) return { ok: true, kind: "gzip" };
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) return { ok: true, kind: "zip" };
  for (const [name, magic] of OTHER_COMPRESSION) {
    if (startsWith(head, magic)) return { ok: false, reason: `it is ${name}-compressed; upload plain text, .gz or .zip` };
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { ok: false, reason: "it is UTF-16 text; convert it to UTF-8 first" };
  }
  const n = Math.min(head.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return { ok: false, reason: "it contains NUL bytes: a binary file, not a log" };
    if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) controls++;
  }
  if (n > 0 && controls / n > 0.1) return { ok: false, reason: "it is mostly control characters: a binary file, not a log" };
  return { ok: true, kind: "text" };
}

/**
 * Passes a file's bytes through once its first KiB (or all of it, if shorter) is known to be
 * acceptable; throws UnsupportedMediaTypeError (415) otherwise, before anything of it is passed on.
 */
export async function* acceptedContent(name: string, source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  let checked = false;
  const check = () => {
    const head = Buffer.concat(held, heldBytes).subarray(0, SNIFF_BYTES);
    const verdict = classifyHead(head);
    if (!verdict.ok) throw new UnsupportedMediaTypeError(`file ${name} cannot be analysed: ${verdict.reason}`);
    checked = true;
  };
  for await (const piece of source) {
    if (checked) {
      yield piece;
      continue;
    }
    held.push(Buffer.from(piece)); // copy: the producer may reuse its buffers
    heldBytes += piece.byteLength;
    if (heldBytes < SNIFF_BYTES) continue;
    check();
    yield* held;
    held.length = 0;
  }
  if (!checked && heldBytes > 0) {
    check();
    yield* held;
  }
}

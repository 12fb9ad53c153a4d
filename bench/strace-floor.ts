// What reading a trace line by line costs in this runtime before any analysis, on one thread: the file
// read into a reused buffer; each line found (Buffer.indexOf, native); each line's syscall name read
// byte by byte after its pid and time stamp (the least any per-syscall tally needs). bench/strace.ts
// prints these next to rg, to show how much of the gap to rg no analysis design on one core can close.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const CHUNK = 8 << 20;

export interface FloorRun {
  what: string;
  seconds: number;
}

function timeChunks(path: string, perChunk: (buf: Buffer, n: number) => number): { seconds: number; result: number } {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafe(CHUNK);
    const started = process.hrtime.bigint();
    let result = 0;
    // Chunks end anywhere; the few lines cut at chunk ends do not change the cost.
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n <= 0) break;
      pos += n;
      result += perChunk(buf, n);
    }
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
  } finally {
    closeSync(fd);
  }
}

function countLines(buf: Buffer, n: number): number {
  let lines = 0;
  for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) lines++;
  return lines;
}

/** Per line: skip the first two space-separated fields (pid, time stamp), hash the name up to `(`. */
function hashNames(buf: Buffer, n: number): number {
  let acc = 0;
  for (let start = 0; start < n; ) {
    const end = buf.indexOf(10, start);
    if (end < 0 || end >= n) break;
    let k = start;
    for (let field = 0; field < 2 && k < end; k++) if (buf[k] === 32) field++;
    let h = 0;
    for (; k < end && buf[k] !== 40; k++) h = (h * 31 + buf[k]) | 0;
    acc = (acc + h) | 0;
    start = end + 1;
  }
  return acc & 1;
}

export function lineWalkFloor(path: string): FloorRun[] {
  const best = (perChunk: (buf: Buffer, n: number) => number) => Math.min(...[0, 1, 2].map(() => timeChunks(path, perChunk).seconds));
  return [
    { what: "read the file", seconds: best(() => 0) },
    { what: "read + find every line", seconds: best(countLines) },
    { what: "read + find every line + read its syscall name", seconds: best(hashNames) },
  ];
}

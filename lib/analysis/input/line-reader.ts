// Streaming line splitter with a fast skip path.
//
// Chunks are split on `\n` without ever holding more than one chunk plus a bounded partial line. Most
// lines of a build log are not errors, so chunk bytes run through the gateway automaton (every rule
// literal, CI markers and ESC; see rules/gateway.ts) in one linear pass that also counts newlines; lines
// without a hit are never decoded. Hit lines, and every line while the sink asks for them (format
// sampling, an open multi-line statement, strace), are decoded and pushed.
import { Buffer } from "node:buffer";
import type { LiteralAutomaton } from "../rules/literal-automaton";
import type { LogLine } from "../types";
import { decodeLine, MATCH_BYTES } from "./decode-line";

export interface LineSink {
  push(line: LogLine): void;
  /** True while the sink needs every line (sampling, an open continuation, strace). */
  wantsEveryLine(): boolean;
}

const NL = 10;
const CR = 13;

export class LineReader {
  lineNo = 0;
  bytes = 0;
  private carry = Buffer.allocUnsafe(MATCH_BYTES + 1);
  private carryLen = 0;
  private carryRaw = 0;
  private carryEndsCr = false;
  private pending = false;
  /** Start of the line holding the latest gateway hit (set by scanToHit). */
  private hitLineStart = 0;

  constructor(
    private readonly sink: LineSink,
    private readonly gateway: LiteralAutomaton,
    private readonly file?: string,
  ) {}

  write(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bytes += buf.length;
    let pos = 0;
    if (this.pending) {
      const nl = buf.indexOf(NL);
      if (nl < 0) {
        this.appendCarry(buf, 0, buf.length, false);
        return;
      }
      this.appendCarry(buf, 0, nl, true);
      this.emitCarry();
      pos = nl + 1;
    }
    const lastNl = buf.lastIndexOf(NL);
    if (lastNl >= pos) {
      this.scanBody(buf, pos, lastNl + 1);
      pos = lastNl + 1;
    }
    if (pos < buf.length) this.appendCarry(buf, pos, buf.length, false);
  }

  /** Flushes a final line without a trailing newline. */
  end(): void {
    if (this.pending) this.emitCarry();
  }

  /** Complete lines in buf[start, end) (end is just past a `\n`). */
  private scanBody(buf: Buffer, start: number, end: number): void {
    let p = start;
    while (p < end) {
      if (this.sink.wantsEveryLine()) {
        const nl = buf.indexOf(NL, p);
        this.emit(buf, p, nl);
        p = nl + 1;
        continue;
      }
      const hit = this.scanToHit(buf, p, end);
      if (hit < 0) return;
      const nl = buf.indexOf(NL, hit);
      this.emit(buf, this.hitLineStart, nl);
      p = nl + 1;
    }
  }

  /**
   * The hot loop: runs the gateway DFA from p, counting the newlines it passes. Returns the offset of
   * the first byte that completes a literal (its line start in hitLineStart), or -1 at `end`.
   */
  private scanToHit(buf: Buffer, p: number, end: number): number {
    const { delta, acceptFrom } = this.gateway;
    let state = 0;
    let lines = 0;
    let lineStart = p;
    for (let i = p; i < end; i++) {
      const c = buf[i];
      if (c === NL) {
        lines++;
        state = 0;
        lineStart = i + 1;
        continue;
      }
      state = delta[(state << 8) | c];
      if (state >= acceptFrom) {
        this.lineNo += lines;
        this.hitLineStart = lineStart;
        return i;
      }
    }
    this.lineNo += lines;
    return -1;
  }

  private emit(buf: Buffer, s: number, e: number): void {
    this.lineNo++;
    const d = decodeLine(buf, s, e);
    const line: LogLine = { no: this.lineNo, text: d.text, bytes: e - s + 1 };
    if (this.file !== undefined) line.file = this.file;
    if (d.timestamp) line.timestamp = d.timestamp;
    this.sink.push(line);
  }

  /**
   * Keeps the visible part of a partial line: a `\r` in the middle restarts it (overwrite), a `\r` at
   * the very end is only known to be CRLF or an overwrite once the next byte arrives.
   */
  private appendCarry(buf: Buffer, s: number, e: number, final: boolean): void {
    this.pending = true;
    this.carryRaw += e - s;
    if (e > s && this.carryEndsCr) {
      this.carryLen = 0;
      this.carryEndsCr = false;
    }
    let a = s;
    let b = e;
    if (b > a && buf[b - 1] === CR) {
      b--;
      if (!final) this.carryEndsCr = true;
      while (final && b > a && buf[b - 1] === CR) b--;
    }
    const cr = b > a ? buf.subarray(a, b).lastIndexOf(CR) : -1;
    if (cr >= 0) {
      this.carryLen = 0;
      a += cr + 1;
    }
    const room = this.carry.length - this.carryLen;
    const n = Math.min(room, b - a);
    if (n > 0) {
      buf.copy(this.carry, this.carryLen, a, a + n);
      this.carryLen += n;
    }
  }

  private emitCarry(): void {
    this.lineNo++;
    const d = decodeLine(this.carry, 0, this.carryLen);
    const line: LogLine = { no: this.lineNo, text: d.text, bytes: this.carryRaw + 1 };
    if (this.file !== undefined) line.file = this.file;
    if (d.timestamp) line.timestamp = d.timestamp;
    this.carryLen = 0;
    this.carryRaw = 0;
    this.carryEndsCr = false;
    this.pending = false;
    this.sink.push(line);
  }
}

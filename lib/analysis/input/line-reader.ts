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
import type { ScanResult } from "./parallel-scanner";

export interface LineSink {
  push(line: LogLine): void;
  /** True while the sink needs every line (sampling, an open continuation, strace). */
  wantsEveryLine(): boolean;
}

const NL = 10;
const CR = 13;

/**
 * The complete lines of a chunk: after the end of a line left partial by the previous chunk (when
 * `pending`), up to and including the last newline (possibly empty). Null when a pending line does
 * not end in this chunk.
 */
export function bodyRange(chunk: Uint8Array, pending: boolean): [number, number] | null {
  const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const start = pending ? buf.indexOf(NL) + 1 : 0;
  if (pending && start === 0) return null;
  return [start, Math.max(start, buf.lastIndexOf(NL) + 1)];
}

export class LineReader {
  lineNo = 0;
  bytes = 0;
  private carry = Buffer.allocUnsafe(MATCH_BYTES + 1);
  private carryLen = 0;
  private carryRaw = 0;
  private carryEndsCr = false;
  /**
   * The partial line's first raw bytes and where its last overwriting `\r` was (-1: none yet): what
   * decodeLine keeps from before an overwrite (a CI timestamp, GitLab's section markers) must not
   * depend on whether the line arrived in one chunk or several.
   */
  private head = Buffer.allocUnsafe(MATCH_BYTES);
  private headLen = 0;
  private lastCrAt = -1;
  private pending = false;
  /** Gateway automaton state over the partial line so far, and whether it already hit. */
  private carryState: number;
  private carryHit = false;
  /** Start of the line holding the latest gateway hit (set by scanToHit). */
  private hitLineStart = 0;

  constructor(
    private readonly sink: LineSink,
    private readonly gateway: LiteralAutomaton,
    private readonly file?: string,
  ) {
    this.carryState = gateway.lineStart;
  }

  /** Whether a partial line is waiting for the next chunk (decides the next chunk's body range). */
  get hasPartialLine(): boolean {
    return this.pending;
  }

  /**
   * Consumes a chunk. `scanned` is the gateway scan of exactly `bodyRange(chunk, hasPartialLine)`
   * made elsewhere (parallel pre-scan); without it the body is scanned here.
   */
  write(chunk: Uint8Array, scanned?: ScanResult | null): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bytes += buf.length;
    const range = bodyRange(buf, this.pending);
    if (!range) {
      this.appendCarry(buf, 0, buf.length, false);
      return;
    }
    const [start, end] = range;
    if (this.pending) {
      this.appendCarry(buf, 0, start - 1, true);
      this.emitCarry();
    }
    if (scanned) this.consumeScanned(buf, start, end, scanned);
    else if (end > start) this.scanBody(buf, start, end);
    if (end < buf.length) this.appendCarry(buf, end, buf.length, false);
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

  /** Like scanBody, with the hit lines already located by a worker. */
  private consumeScanned(buf: Buffer, start: number, end: number, scanned: ScanResult): void {
    const base = this.lineNo;
    let p = start;
    let k = 0;
    for (;;) {
      while (p < end && this.sink.wantsEveryLine()) {
        const nl = buf.indexOf(NL, p);
        this.emit(buf, p, nl);
        p = nl + 1;
      }
      while (k < scanned.starts.length && start + scanned.starts[k] < p) k++;
      if (k >= scanned.starts.length || p >= end) break;
      const lineStart = start + scanned.starts[k];
      this.lineNo = base + scanned.lines[k];
      const nl = buf.indexOf(NL, lineStart);
      this.emit(buf, lineStart, nl);
      p = nl + 1;
      k++;
    }
    this.lineNo = base + scanned.total;
  }

  /**
   * The hot loop: runs the gateway DFA from p, counting the newlines it passes. Returns the offset of
   * the first byte that completes a literal (its line start in hitLineStart), or -1 at `end`.
   */
  private scanToHit(buf: Buffer, p: number, end: number): number {
    const hit = scanGateway(this.gateway.delta, this.gateway.acceptFrom, this.gateway.lineStart, buf, p, end, SCAN_OUT);
    this.lineNo += SCAN_OUT[0];
    this.hitLineStart = SCAN_OUT[1];
    return hit;
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
    const rawBefore = this.carryRaw;
    this.carryRaw += e - s;
    if (this.headLen < this.head.length && e > s) {
      const n = Math.min(this.head.length - this.headLen, e - s);
      buf.copy(this.head, this.headLen, s, s + n);
      this.headLen += n;
    }
    // Same criterion as for lines inside a chunk (a literal anywhere in the raw line), so which lines
    // are decoded does not depend on where chunks happen to split.
    if (!this.carryHit) {
      const { delta, acceptFrom } = this.gateway;
      let state = this.carryState;
      for (let i = s; i < e; i++) {
        state = delta[(state << 8) | buf[i]];
        if (state >= acceptFrom) {
          this.carryHit = true;
          break;
        }
      }
      this.carryState = state;
    }
    if (e > s && this.carryEndsCr) {
      this.carryLen = 0;
      this.carryEndsCr = false;
      this.lastCrAt = rawBefore - 1;
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
      this.lastCrAt = rawBefore + (a - s) + cr;
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
    const wanted = this.carryHit || this.sink.wantsEveryLine();
    this.carryState = this.gateway.lineStart;
    this.carryHit = false;
    if (!wanted) return this.resetCarry();
    const whole = this.lastCrAt < 0 ? null : this.overwrittenLine();
    const d = whole ? decodeLine(whole, 0, whole.length) : decodeLine(this.carry, 0, this.carryLen);
    const line: LogLine = { no: this.lineNo, text: d.text, bytes: this.carryRaw + 1 };
    if (this.file !== undefined) line.file = this.file;
    if (d.timestamp) line.timestamp = d.timestamp;
    this.resetCarry();
    this.sink.push(line);
  }

  /** The line as decodeLine would have seen it whole: its head up to the last `\r`, then what followed. */
  private overwrittenLine(): Buffer {
    const before = Math.min(this.lastCrAt, this.headLen);
    const out = Buffer.allocUnsafe(before + 1 + this.carryLen);
    this.head.copy(out, 0, 0, before);
    out[before] = CR;
    this.carry.copy(out, before + 1, 0, this.carryLen);
    return out;
  }

  private resetCarry(): void {
    this.carryLen = 0;
    this.carryRaw = 0;
    this.headLen = 0;
    this.lastCrAt = -1;
    this.carryEndsCr = false;
    this.pending = false;
  }
}

/** [newlines passed, start of the hit line] from the last scanGateway call. */
const SCAN_OUT = new Int32Array(2);

// A free function over plain locals, looping to the view's own length: V8 then drops the bounds
// checks on every byte read, which is most of the cost of this loop.
function scanGateway(delta: Uint16Array | Uint32Array, acceptFrom: number, afterNewline: number, buf: Uint8Array, p: number, end: number, out: Int32Array): number {
  const view = buf.subarray(p, end);
  let state = afterNewline;
  let lines = 0;
  let lineStart = 0;
  for (let i = 0; i < view.length; i++) {
    const c = view[i];
    if (c === NL) {
      lines++;
      state = afterNewline;
      lineStart = i + 1;
      continue;
    }
    state = delta[(state << 8) | c];
    if (state >= acceptFrom) {
      out[0] = lines;
      out[1] = p + lineStart;
      return p + i;
    }
  }
  out[0] = lines;
  out[1] = p + lineStart;
  return -1;
}

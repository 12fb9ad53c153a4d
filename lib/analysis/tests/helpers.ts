// Test helpers: analyze text and summarize events, and a minimal zip writer (stored or deflated
// members) so archive layouts can be built in the tests themselves.
import { deflateRawSync } from "node:zlib";
import { analyzeText } from "../analyze";
import type { AnalysisEvent, AnalysisResult, AnalyzeOptions } from "../types";

export async function analyze(text: string, opts?: AnalyzeOptions): Promise<AnalysisResult> {
  return analyzeText(text, opts);
}

/** The single event a one-statement log produces (fails the test if there is not exactly one). */
export async function onlyEvent(text: string): Promise<AnalysisEvent> {
  const r = await analyzeText(text);
  if (r.events.length !== 1) throw new Error(`expected 1 event, got ${r.events.length}: ${JSON.stringify(r.events.map((e) => [e.class, e.line, e.ruleId]))}`);
  return r.events[0];
}

export async function classesAt(text: string): Promise<string[]> {
  const r = await analyzeText(text);
  return r.events.map((e) => `${e.class}@${e.line}`);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Builds a zip archive in memory: `{ "job/1_step.txt": "text" }`. */
export function makeZip(files: Record<string, string | Buffer>, deflate = true): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8");
    const packed = deflate ? deflateRawSync(data) : data;
    const nameBuf = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** Feeds text to the analyzer in chunks of the given size (exercises the line splitter's carry). */
export async function analyzeChunked(data: Buffer, chunkSize: number, opts?: AnalyzeOptions): Promise<AnalysisResult> {
  const { analyzeStream } = await import("../analyze");
  async function* chunks() {
    for (let i = 0; i < data.length; i += chunkSize) yield data.subarray(i, i + chunkSize);
  }
  return analyzeStream(chunks(), opts);
}

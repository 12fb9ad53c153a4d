// Input decoding: line endings, terminal redraws, colour codes, invalid UTF-8, gzip, chunk boundaries,
// stdin-like streams and files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { analyzeFile, analyzeStream } from "../analyze";
import { analyze, analyzeChunked } from "./helpers";

const LOG = "go: downloading github.com/acme/greet v1.0.0\nverifying github.com/acme/greet@v1.0.0: checksum mismatch\n\tdownloaded: h1:AAA=\n\tgo.sum:     h1:BBB=\nnpm error code E404\nnpm error 404 Not Found - GET http://r/x\n";

function summary(r: Awaited<ReturnType<typeof analyze>>) {
  return r.events.map((e) => ({ class: e.class, line: e.line, endLine: e.endLine, fields: e.fields }));
}

describe("line handling", () => {
  it("CRLF gives the same events and line numbers as LF", async () => {
    expect(summary(await analyze(LOG.replace(/\n/g, "\r\n")))).toEqual(summary(await analyze(LOG)));
  });

  it("any chunking gives the same result (partial lines carried across chunks)", async () => {
    const expected = summary(await analyze(LOG));
    const data = Buffer.from(LOG.replace(/\n/g, "\r\n"));
    for (const size of [1, 2, 3, 7, 64]) expect(summary(await analyzeChunked(data, size))).toEqual(expected);
  });

  it("carriage-return progress redraws: the last segment is what is matched", async () => {
    const r = await analyze("Downloading 10%\rDownloading 50%\rnpm error code E404\nnpm error 404 Not Found - GET http://r/x\n");
    expect(r.events.map((e) => [e.class, e.line])).toEqual([["not_found", 1]]);
    // A failure that was overwritten on screen is not reported.
    expect((await analyze("fatal: repository 'x' not found\rall good now\n")).events).toEqual([]);
  });

  it("a redraw split across chunks still resets the line", async () => {
    const data = Buffer.from("fatal: repository 'http://h/x' not found\r\x1b[Kok\nnext\n");
    for (const size of [1, 5, 41]) expect((await analyzeChunked(data, size)).events).toEqual([]);
  });

  it("what an overwrite keeps (GitLab section markers, CI timestamps) does not depend on chunking", async () => {
    // Found by the fuzz drill: a section_start split across chunks lost its marker (gitlab vs plain).
    const text = "2026-11-20T10:00:00.1Z section_start:1700000000:build\r\x1b[0KBuilding\nhello\nsection_end:1700000060:build\r\x1b[0K\n";
    const whole = await analyze(text);
    expect(whole.format).toBe("gitlab");
    for (const size of [1, 3, 17, 30]) {
      const r = await analyzeChunked(Buffer.from(text), size);
      expect([r.format, r.groups]).toEqual([whole.format, whole.groups]);
    }
  });

  it("an out-of-range section timestamp is ignored rather than thrown", async () => {
    const r = await analyze("section_start:99999999999999999:build\r\x1b[0Kx\nsection_end:1:build\r\x1b[0K\n");
    expect(r.format).toBe("gitlab");
  });

  it("ANSI colours and spinners are stripped before matching", async () => {
    const r = await analyze("\x1b[1mnpm\x1b[22m \x1b[31merror\x1b[39m \x1b[94mcode\x1b[39m E404\r\n⠙\x1b[1G\x1b[0K\x1b[1mnpm\x1b[22m \x1b[31merror\x1b[39m 404 Not Found - GET http://r/x\r\n");
    expect(r.events.map((e) => [e.class, e.line, e.fields.url])).toEqual([["not_found", 1, "http://r/x"]]);
    const spinner = await analyze("⠙\x1b[1G\x1b[0K⠹\x1b[1G\x1b[0K\x1b[1mnpm\x1b[22m \x1b[31merror\x1b[39m code ECONNREFUSED\n");
    expect(spinner.events[0]).toMatchObject({ class: "connection_refused", message: "npm error code ECONNREFUSED" });
  });

  it("invalid UTF-8 is tolerated", async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]), Buffer.from("fatal: repository 'http://h/\xe9' not found\n", "latin1")]);
    const r = await analyzeChunked(data, 3);
    expect(r.events.map((e) => [e.class, e.line])).toEqual([["not_found", 2]]);
    expect(r.stats.lines).toBe(2);
  });

  it("a final line without newline is analysed; empty input gives an empty result", async () => {
    expect((await analyze("fatal: repository 'http://h/x' not found")).events).toHaveLength(1);
    const empty = await analyze("");
    expect(empty).toMatchObject({ events: [], rootCause: null, stats: { lines: 0, bytes: 0 } });
  });

  it("counts lines and bytes", async () => {
    const r = await analyze("a\nb\r\nc");
    expect(r.stats).toMatchObject({ lines: 3, bytes: 6 });
  });
});

describe("compressed and file inputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "faultline-input-"));

  it("gzip is detected by magic bytes, in streams and files (any name)", async () => {
    const gz = gzipSync(Buffer.from(LOG));
    const expected = summary(await analyze(LOG));
    expect(summary(await analyzeStream([gz] as unknown as AsyncIterable<Uint8Array>))).toEqual(expected);
    const file = join(dir, "build.txt");
    writeFileSync(file, gz);
    expect(summary(await analyzeFile(file))).toEqual(expected);
  });

  it("damaged gzip is refused with a clear error, never an unhandled zlib error", async () => {
    const gz = gzipSync(Buffer.from(LOG.repeat(50)));
    const damaged = Buffer.concat([gz.subarray(0, 10), Buffer.alloc(64, 0xff), gz.subarray(74)]);
    await expect(analyzeChunked(damaged, 1 << 20)).rejects.toThrow(/damaged gzip data/);
    await expect(analyzeChunked(damaged, 5)).rejects.toThrow(/damaged gzip data/);
  });

  it("concatenated gzip members are read to the end", async () => {
    const file = join(dir, "two.log.gz");
    writeFileSync(file, Buffer.concat([gzipSync("npm error code E404\n"), gzipSync("fatal: repository 'http://h/x' not found\n")]));
    expect((await analyzeFile(file)).events.map((e) => e.line)).toEqual([1, 2]);
  });

  it("node readable streams are accepted", async () => {
    const { Readable } = await import("node:stream");
    const r = await analyzeStream(Readable.from([Buffer.from(LOG)]));
    expect(r.events).toHaveLength(2);
  });

  it("reports progress with bytes and events", async () => {
    const seen: { bytes: number; events: number }[] = [];
    await analyze(LOG, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ bytes: Buffer.byteLength(LOG), events: 2 });
  });
});

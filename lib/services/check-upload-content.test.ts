import { describe, expect, it } from "vitest";
import { acceptedContent, classifyHead } from "./check-upload-content";

const bytes = (...b: number[]) => new Uint8Array(b);

describe("classifyHead", () => {
  it("accepts text (with ANSI colours, CRLF, tabs), gzip and zip", () => {
    expect(classifyHead(Buffer.from("\x1b[31merror\x1b[0m:\tbuild failed\r\n"))).toEqual({ ok: true, kind: "text" });
    expect(classifyHead(Buffer.from("héllo wörld ✓\n"))).toEqual({ ok: true, kind: "text" });
    expect(classifyHead(bytes(0x1f, 0x8b, 8, 0))).toEqual({ ok: true, kind: "gzip" });
    expect(classifyHead(bytes(0x50, 0x4b, 3, 4, 0, 0))).toEqual({ ok: true, kind: "zip" });
  });

  it("refuses binaries, UTF-16 and other compression, saying why", () => {
    expect(classifyHead(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0))).toMatchObject({ ok: false, reason: expect.stringMatching(/NUL/) });
    expect(classifyHead(Buffer.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))))).toMatchObject({ ok: false, reason: expect.stringMatching(/control characters/) });
    expect(classifyHead(bytes(0xff, 0xfe, 0x67, 0))).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-16/) });
    expect(classifyHead(bytes(0x28, 0xb5, 0x2f, 0xfd, 1))).toMatchObject({ ok: false, reason: expect.stringMatching(/zstd/) });
    expect(classifyHead(Buffer.from("BZh91AY&SY"))).toMatchObject({ ok: false, reason: expect.stringMatching(/bzip2/) });
  });

  it("only looks at the first KiB", () => {
    expect(classifyHead(Buffer.concat([Buffer.alloc(1024, 0x61), Buffer.alloc(10, 0)]))).toEqual({ ok: true, kind: "text" });
  });
});

describe("acceptedContent", () => {
  async function collect(pieces: Uint8Array[]) {
    const out: Uint8Array[] = [];
    for await (const p of acceptedContent("f.log", (async function* () { yield* pieces; })())) out.push(p);
    return Buffer.concat(out).toString();
  }

  it("passes every byte through once the head is known good, across small pieces", async () => {
    const text = "a".repeat(700) + "\n" + "b".repeat(700);
    expect(await collect([Buffer.from(text.slice(0, 300)), Buffer.from(text.slice(300, 1200)), Buffer.from(text.slice(1200))])).toBe(text);
    expect(await collect([Buffer.from("short\n")])).toBe("short\n");
    expect(await collect([])).toBe("");
  });

  it("throws 415 before passing anything on when the head is binary", async () => {
    const seen: Uint8Array[] = [];
    const run = async () => {
      for await (const p of acceptedContent("a.out", (async function* () { yield Buffer.from("ok"); yield Buffer.alloc(2000, 0); })())) seen.push(p);
    };
    await expect(run()).rejects.toMatchObject({ status: 415, message: "file a.out cannot be analysed: it contains NUL bytes: a binary file, not a log" });
    expect(seen).toEqual([]);
  });
});

// Hostile compressed input: zip bombs (by ratio, by total size, by lying about sizes), gzip bombs,
// unsafe member paths and too many members are refused with a reason; ordinary archives still pass.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { analyzeFile, analyzeStream } from "../analyze";
import { makeZip } from "../tests/helpers";
import { INPUT_LIMITS, InputRejectedError, guardInflation, unsafeMemberPath } from "./limits";
import { openZip } from "./zip-archive";

const dir = mkdtempSync(join(tmpdir(), "faultline-limits-"));
let n = 0;
function write(zip: Buffer): string {
  const p = join(dir, `t${n++}.zip`);
  writeFileSync(p, zip);
  return p;
}

/** Rewrites the declared uncompressed size of every member (local and central headers). */
function declareSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = out.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); i !== -1; i = out.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 4)) out.writeUInt32LE(size, i + 22);
  for (let i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); i !== -1; i = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), i + 4)) out.writeUInt32LE(size, i + 24);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputRejectedError);
  return (err as Error).message;
}

describe("zip archives", () => {
  it("an ordinary archive passes", async () => {
    const zip = await openZip(write(makeZip({ "build/1_Run make.txt": "make: *** [all] Error 2\n".repeat(1000), "1_build.txt": "ok\n" })));
    expect(zip.members.map((m) => m.name)).toEqual(["build/1_Run make.txt", "1_build.txt"]);
    zip.close();
  });

  it.each([
    ["../../etc/cron.d/evil", "`..` component"],
    ["logs/../../outside.txt", "`..` component"],
    ["/etc/passwd", "absolute path"],
    ["C:/Windows/evil.txt", "drive letter"],
    ["..\\..\\evil.txt", "`..` component"],
  ])("a member path %s is refused", async (name, why) => {
    const message = await rejection(analyzeFile(write(makeZip({ "ok.txt": "fine\n", [name]: "npm error code E404\n" }))));
    expect(message).toContain("was rejected");
    expect(message).toContain(why);
  });

  it("more than 10,000 members are refused before any is read", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i <= INPUT_LIMITS.maxMembers; i++) files[`m${i}.txt`] = "";
    const message = await rejection(analyzeFile(write(makeZip(files, false))));
    expect(message).toMatch(/10001 members \(the limit is 10000\)/);
  });

  it("a member that expands more than 200x is a zip bomb", async () => {
    const bomb = makeZip({ "build.log": Buffer.alloc(64 << 20, 0x41) });
    expect(bomb.length).toBeLessThan(1 << 20);
    const message = await rejection(analyzeFile(write(bomb)));
    expect(message).toMatch(/member "build.log" expands \d+x to 64\.0 MiB \(more than 200x: a zip bomb\?\)/);
  });

  it("small members are not judged by ratio; more than 8 GiB in total is refused", async () => {
    // 1 MiB of one byte compresses ~1000x but costs nothing.
    const small = await analyzeFile(write(makeZip({ "a.log": Buffer.alloc(1 << 20, 0x2e) })));
    expect(small.stats.bytes).toBe(1 << 20);
    // Declared sizes: 3 members of 3 GiB each.
    const files = { "a.log": "x\n", "b.log": "y\n", "c.log": "z\n" };
    const message = await rejection(openZip(write(declareSize(makeZip(files), 3 * 1024 ** 3)), { ...INPUT_LIMITS, maxRatio: Infinity }));
    expect(message).toContain("expands to more than 8.0 GiB");
  });

  it("a member that inflates past its declared size is refused while it is read", async () => {
    const lying = declareSize(makeZip({ "build.log": "npm error code E404\n".repeat(10_000) }), 100);
    const message = await rejection(analyzeFile(write(lying)));
    expect(message).toContain("inflates past its declared size");
  });

  it("a corrupt archive is refused, not retried", async () => {
    const message = await rejection(openZip(write(declareSize(makeZip({ "a.log": "x\n" }, false), 5))));
    expect(message).toMatch(/archive t\d+\.zip cannot be read: compressed\/uncompressed size mismatch/);
  });

  it("the path check", () => {
    expect(unsafeMemberPath("job/1_Run npm ci.txt")).toBeNull();
    expect(unsafeMemberPath("a..b/c..txt")).toBeNull();
    expect(unsafeMemberPath("a/\u0000b")).toBe("control characters");
  });
});

describe("gzip", () => {
  it("a gzip bomb is refused once it passes 200x", async () => {
    const bomb = gzipSync(Buffer.alloc(64 << 20, 0x41));
    const message = await rejection(analyzeStream([bomb] as unknown as AsyncIterable<Uint8Array>));
    expect(message).toMatch(/expands more than 200x/);
  });

  it("ordinary gzip passes, and the total is capped", async () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `2026-11-20T22:06:${String(i % 60).padStart(2, "0")}Z step ${i} ok ${(i * 7919) % 10007}`).join("\n");
    const r = await analyzeStream([gzipSync(text)] as unknown as AsyncIterable<Uint8Array>);
    expect(r.stats.lines).toBe(20_000);
    async function* pieces() {
      for (let i = 0; i < 4; i++) yield new Uint8Array(1 << 20);
    }
    const guarded = guardInflation(pieces(), () => 1 << 30, "test input", { ...INPUT_LIMITS, maxTotalBytes: 3 << 20 });
    await expect(
      (async () => {
        for await (const piece of guarded) void piece;
      })(),
    ).rejects.toThrow(/expands to more than 3\.0 MiB/);
  });
});

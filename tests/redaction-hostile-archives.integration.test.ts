// Hostile compressed uploads on a real Postgres: zip bombs, unsafe member paths, too many members and
// gzip bombs end as a `failed` upload with the reason (at once, not after retries), with no events
// and no incident; viewing them answers 422; the stored-archive check refuses them from the central
// directory alone, and passes ordinary archives.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { INPUT_LIMITS, InputRejectedError } from "../lib/analysis/input/limits";
import { makeZip } from "../lib/analysis/tests/helpers";
import { db } from "../lib/db/client";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { ServiceError } from "../lib/services/errors";
import { readLogLines } from "../lib/services/read-log-lines";
import { checkStoredZip } from "../lib/storage/zip-member";
import { connectTestDatabase } from "./support/db";
import { createTestTeam, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

const bytes = (name: string, data: Buffer) => ({ name, stream: (async function* () { yield data; })() });

function manyMembers(n: number): Buffer {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`m${i}.txt`] = "";
  return makeZip(files, false);
}

const HOSTILE: [string, () => Buffer, RegExp][] = [
  ["a zip bomb (ratio)", () => makeZip({ "build.log": Buffer.alloc(24 << 20, 0x41) }), /member "build.log" expands \d+x to 24\.0 MiB/],
  ["a `..` member path", () => makeZip({ "ok.txt": "fine\n", "../../etc/cron.d/x": "npm error code E404\n" }), /has a `\.\.` component/],
  ["an absolute member path", () => makeZip({ "/etc/passwd": "root:x:0:0\n" }), /has an absolute path/],
  ["a drive letter", () => makeZip({ "C:/evil.txt": "x\n" }), /has a drive letter/],
  ["too many members", () => manyMembers(INPUT_LIMITS.maxMembers + 1), /10001 members \(the limit is 10000\)/],
];

describe("hostile archives", () => {
  it.each(HOSTILE)("%s: the upload fails at once with the reason; nothing is analysed", async (_name, make, reason) => {
    const teamId = await createTestTeam();
    const up = await uploadFiles(teamId, [bytes("logs.zip", make())]);
    const r = await analyzeUpload({ uploadId: up.id, willRetry: true });
    expect(r.rejected).toMatch(reason);
    const row = await db().upload.findUniqueOrThrow({ where: { id: up.id } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/^archive logs\.zip was rejected: /);
    expect(row.error).toMatch(reason);
    expect(row.incidentId).toBeNull();
    expect(await db().errorEvent.count({ where: { uploadId: up.id } })).toBe(0);

    const file = await db().uploadFile.findFirstOrThrow({ where: { uploadId: up.id } });
    await expect(checkStoredZip({ id: file.id, name: file.name, size: Number(file.size) })).rejects.toThrow(InputRejectedError);
    const viewing = await readLogLines({ teamId, uploadId: up.id, file: "build.log" }).catch((e: unknown) => e);
    expect(viewing).toBeInstanceOf(ServiceError);
    expect((viewing as ServiceError).status).toBe(422);
  });

  it("a gzip bomb fails its upload with the reason", async () => {
    const teamId = await createTestTeam();
    const up = await uploadFiles(teamId, [bytes("build.log.gz", gzipSync(Buffer.alloc(64 << 20, 0x41)))]);
    const r = await analyzeUpload({ uploadId: up.id, willRetry: true });
    expect(r.rejected).toMatch(/expands more than 200x/);
    expect((await db().upload.findUniqueOrThrow({ where: { id: up.id } })).status).toBe("failed");
    // One 64 MiB line: the viewer inflates until the limits stop it.
    const viewing = await readLogLines({ teamId, uploadId: up.id, from: 2 }).catch((e: unknown) => e);
    expect((viewing as ServiceError).status).toBe(422);
  });

  it("the stored-archive check passes an ordinary archive (and ignores non-zips); members are read in place", async () => {
    const teamId = await createTestTeam();
    const text = Array.from({ length: 50_000 }, (_, i) => `2026-11-20T22:06:36.${String(i).padStart(7, "0")}Z line ${i} ${randomBytes(16).toString("hex")}`).join("\n") + "\n";
    const zip = makeZip({ "build/1_Set up job.txt": "ok\n", "build/2_Run make.txt": text, "1_build.txt": "ok\n" });
    expect(zip.length).toBeGreaterThan(1 << 20); // spans several stored chunks
    const up = await uploadFiles(teamId, [bytes("run.zip", zip)]);
    const file = await db().uploadFile.findFirstOrThrow({ where: { uploadId: up.id } });
    expect(await checkStoredZip({ id: file.id, name: file.name, size: Number(file.size) })).toEqual({ members: 3 });
    const w = await readLogLines({ teamId, uploadId: up.id, file: "build/2_Run make.txt", from: 40_000, count: 2 });
    const plain = await uploadFiles(teamId, [bytes("a.log", Buffer.from("PK is not a zip\n"))]);
    const plainFile = await db().uploadFile.findFirstOrThrow({ where: { uploadId: plain.id } });
    expect(await checkStoredZip({ id: plainFile.id, name: "a.log", size: 16 })).toBeNull();
    // A text log that happens to start with "PK" is still a text log to the viewer.
    const pk = await uploadFiles(teamId, [bytes("env.log", Buffer.from("PKG_CONFIG_PATH=/usr/lib/pkgconfig\nok\n"))]);
    expect((await readLogLines({ teamId, uploadId: pk.id })).lines.map((l) => l.text)).toEqual(["PKG_CONFIG_PATH=/usr/lib/pkgconfig", "ok"]);
    expect(w.lines.map((l) => l.text)).toEqual(text.split("\n").slice(39_999, 40_001));
  });
});

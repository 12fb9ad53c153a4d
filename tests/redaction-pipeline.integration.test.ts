// The planted-secrets corpus through the whole pipeline on a real Postgres: upload → analysis →
// stored events (message, fields, step), the upload and its incident, and the log viewer's lines
// hold no planted secret, and every checksum is intact. The raw text stays available on request.
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { readLogLines } from "../lib/services/read-log-lines";
import { makeZip } from "../lib/analysis/tests/helpers";
import { checksumCounts, leakedSecrets, loadSecretCorpus, PLANTED } from "./fixtures/secrets/manifest";
import { connectTestDatabase } from "./support/db";
import { createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

const corpus = loadSecretCorpus();
const sum = (a: number[], b: number[]) => a.map((n, i) => n + b[i]);

/** Everything stored about an upload that a page, export or share link could show. */
async function storedText(uploadId: string): Promise<string> {
  const events = await db().errorEvent.findMany({ where: { uploadId }, orderBy: { seq: "asc" } });
  const upload = await db().upload.findUniqueOrThrow({ where: { id: uploadId } });
  const incident = upload.incidentId ? await db().incident.findUnique({ where: { id: upload.incidentId }, include: { timeline: true } }) : null;
  return JSON.stringify({ events, upload, incident }, (_k, v) => (typeof v === "bigint" ? String(v) : v));
}

async function allLines(teamId: string, uploadId: string, file?: string, raw = false): Promise<string> {
  const out: string[] = [];
  for (let from = 1; ; from += 2000) {
    const w = await readLogLines({ teamId, uploadId, file, from, count: 2000, raw });
    out.push(...w.lines.map((l) => l.text));
    expect(w.redacted).toBe(!raw);
    if (!w.hasMore) return out.join("\n");
  }
}

describe("planted secrets through upload, analysis and the log viewer", () => {
  let teamId: string;
  beforeAll(async () => {
    teamId = await createTestTeam();
  });

  it.each(corpus.map((f) => f.name))("%s", async (name) => {
    const text = corpus.find((f) => f.name === name)!.text;
    const up = await uploadFiles(teamId, [textFile(name, text)]);
    const result = await analyzeUpload({ uploadId: up.id });
    expect(result.rejected).toBeUndefined();

    const stored = await storedText(up.id);
    expect(leakedSecrets(stored)).toEqual([]);

    const shown = await allLines(teamId, up.id);
    expect(leakedSecrets(shown)).toEqual([]);
    expect(checksumCounts(shown)).toEqual(checksumCounts(text));

    const raw = await allLines(teamId, up.id, undefined, true);
    expect(raw).toBe(text.replace(/\n$/, ""));
  });

  it("events keep their checksum evidence (go.sum h1: hashes in fields and messages)", async () => {
    const text = corpus.find((f) => f.name === "github-actions.log")!.text;
    const up = await uploadFiles(teamId, [textFile("gha-evidence.log", text)]);
    await analyzeUpload({ uploadId: up.id });
    const mismatch = await db().errorEvent.findFirstOrThrow({ where: { uploadId: up.id, class: "checksum_mismatch" } });
    const fields = mismatch.fields as Record<string, string>;
    expect(fields.downloaded).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
    expect(text).toContain(fields.downloaded);
    expect(text).toContain(fields.go_sum);
    // The step named after a command with a bearer token is stored redacted.
    const failed = await db().errorEvent.findFirstOrThrow({ where: { uploadId: up.id, class: "http_403" } });
    expect(failed.step).toContain("Authorization: Bearer [REDACTED:authorization]");
    expect(failed.message).toContain("x-access-token:ghs_****[REDACTED:github-token]@github.com/acme/private-dep.git");
  });

  it("a window that starts inside a private key block is still masked", async () => {
    const text = corpus.find((f) => f.name === "github-actions.log")!.text;
    const lines = text.split("\n");
    const pem = PLANTED.find((s) => s.id === "pem-rsa")!;
    const third = lines.indexOf(pem.secret[2]) + 1;
    expect(third).toBeGreaterThan(1);
    const up = await uploadFiles(teamId, [textFile("window.log", text)]);
    const w = await readLogLines({ teamId, uploadId: up.id, from: third, count: 3 });
    expect(w.lines.map((l) => l.no)).toEqual([third, third + 1, third + 2]);
    expect(w.lines.map((l) => l.text)).toEqual(["[REDACTED:private-key]", "[REDACTED:private-key]", "[REDACTED:private-key]"]);
    const raw = await readLogLines({ teamId, uploadId: up.id, from: third, count: 1, raw: "1" });
    expect(raw.lines[0].text).toBe(pem.secret[2]);
  });

  it("a gzip file and a zip archive of the corpus: events and member views are masked", async () => {
    const files = Object.fromEntries(corpus.map((f) => [`job/${f.name.replace(/\.log$/, "")}.txt`, f.text]));
    const zip = await uploadFiles(teamId, [{ name: "logs.zip", stream: (async function* () { yield makeZip(files); })() }]);
    await analyzeUpload({ uploadId: zip.id });
    expect(leakedSecrets(await storedText(zip.id))).toEqual([]);
    let before = checksumCounts("");
    let after = checksumCounts("");
    for (const [member, text] of Object.entries(files)) {
      const shown = await allLines(teamId, zip.id, member);
      expect(leakedSecrets(shown), member).toEqual([]);
      before = sum(before, checksumCounts(text));
      after = sum(after, checksumCounts(shown));
    }
    expect(after).toEqual(before);

    const text = corpus.find((f) => f.name === "plain.log")!.text;
    const gz = await uploadFiles(teamId, [{ name: "plain.log.gz", stream: (async function* () { yield gzipSync(text); })() }]);
    await analyzeUpload({ uploadId: gz.id });
    expect(leakedSecrets(await storedText(gz.id))).toEqual([]);
    const shown = await allLines(teamId, gz.id);
    expect(leakedSecrets(shown)).toEqual([]);
    expect(checksumCounts(shown)).toEqual(checksumCounts(text));
  });

  it("a 10 MB line with a token at its start and its end shows neither", async () => {
    const token = PLANTED.find((s) => s.id === "gh-classic")!.value;
    const line = `${token} ${"x".repeat(10 * 1024 * 1024)} ${token}`;
    const up = await uploadFiles(teamId, [textFile("long.log", `first\n${line}\nfatal: unable to access 'https://u:${token}@h.example/r.git/': The requested URL returned error: 403\n`)]);
    const r = await analyzeUpload({ uploadId: up.id });
    expect(r.events).toBeGreaterThan(0);
    expect(leakedSecrets(await storedText(up.id))).toEqual([]);
    const w = await readLogLines({ teamId, uploadId: up.id, from: 2, count: 1 });
    expect(w.lines[0].truncated).toBe(true);
    expect(w.lines[0].text.length).toBeLessThanOrEqual(8000);
    expect(leakedSecrets(w.lines[0].text)).toEqual([]);
    // The viewer's cut at 8000 characters falls inside a token: the cut-off word is dropped, not shown half.
    const up2 = await uploadFiles(teamId, [textFile("cut.log", `${"x".repeat(7980)} ${token} tail\n`)]);
    const w2 = await readLogLines({ teamId, uploadId: up2.id, from: 1, count: 1 });
    expect(w2.lines[0].truncated).toBe(true);
    expect(w2.lines[0].text).toBe(`${"x".repeat(7980)} `);
  });
});

// Build logs for drills, made of the shared corpus's real lines so the analyzer finds real failures in
// them; seeded, so a size and seed always give the same bytes.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { CORPUS_DIR } from "./paths";
import { rng } from "./stats";

export interface CorpusFile {
  name: string;
  bytes: Buffer;
}

let cached: CorpusFile[] | null = null;

/** Every corpus input (logs, strace traces, the archive), without the expected-result files. */
export function corpusFiles(): CorpusFile[] {
  if (cached) return cached;
  cached = readdirSync(CORPUS_DIR)
    .filter((n) => !n.endsWith(".expected.json") && n !== "README.md" && statSync(path.join(CORPUS_DIR, n)).isFile())
    .sort()
    .map((name) => ({ name, bytes: readFileSync(path.join(CORPUS_DIR, name)) }));
  return cached;
}

export const textCorpus = () => corpusFiles().filter((f) => f.name.endsWith(".log"));

/**
 * A failing Go build of about `bytes` bytes: `go: downloading` noise with the corpus checksum-mismatch
 * failure (for up to `distinct` different modules, then repeats) after every 20 lines.
 */
export function goBuildLog(bytes: number, distinct = 3000): Buffer {
  const failure = readFileSync(path.join(CORPUS_DIR, "go-checksum-mismatch.log"), "utf8");
  const pieces: Buffer[] = [];
  let written = 0;
  for (let k = 0; written < bytes; k++) {
    const lines: string[] = [];
    for (let j = 0; j < 20; j++) lines.push(`go: downloading github.com/acme/dep${j} v1.${(k + j) % 97}.${j}`);
    lines.push(failure.replaceAll("github.com/acme/greet", `github.com/acme/greet${k % distinct}`));
    const piece = Buffer.from(lines.join("\n") + "\n");
    written += piece.length;
    pieces.push(piece);
  }
  return Buffer.concat(pieces);
}

const NOISE = [
  (r: () => number) => `go: downloading github.com/acme/lib${Math.floor(r() * 500)} v1.${Math.floor(r() * 40)}.0`,
  (r: () => number) => `npm http fetch GET 200 https://registry.npmjs.org/pkg-${Math.floor(r() * 9999)} ${Math.floor(r() * 300)}ms (cache miss)`,
  (r: () => number) => `Collecting package-${Math.floor(r() * 999)}==1.${Math.floor(r() * 30)}.0`,
  (r: () => number) => `2026-11-20T10:${String(Math.floor(r() * 60)).padStart(2, "0")}:00.1234567Z [build] compiling module ${Math.floor(r() * 1e6).toString(36)} ok`,
  (r: () => number) => `  PASS  src/${Math.floor(r() * 1e6).toString(36)}.test.ts (${(r() * 3).toFixed(2)} s)`,
];

/** A log of about `bytes` bytes: noise lines with one or more real corpus failure logs mixed in. */
export function mixedLog(bytes: number, seed: number): Buffer {
  const r = rng(seed);
  const logs = textCorpus();
  const failures = 1 + Math.floor(r() * 3);
  const pieces: string[] = [];
  let written = 0;
  let placed = 0;
  while (written < bytes || placed < failures) {
    if (placed < failures && (r() < 0.02 || written >= bytes)) {
      const f = logs[Math.floor(r() * logs.length)].bytes.toString("utf8");
      pieces.push(f.endsWith("\n") ? f : f + "\n");
      written += f.length;
      placed++;
      continue;
    }
    const block: string[] = [];
    for (let i = 0; i < 50; i++) block.push(NOISE[Math.floor(r() * NOISE.length)](r));
    const text = block.join("\n") + "\n";
    pieces.push(text);
    written += text.length;
  }
  return Buffer.from(pieces.join(""));
}

export interface UploadBody {
  name: string;
  body: Buffer;
  /** The bytes stored for the file (the body itself for raw and multipart uploads of one file). */
  kind: "raw" | "multipart" | "gzip" | "zip";
}

/** One upload of about `bytes` bytes in one of the accepted shapes, chosen by the seed. */
export function uploadBody(bytes: number, seed: number, index: number): UploadBody {
  const r = rng(seed * 7919 + index);
  const shape = r();
  if (shape < 0.04) {
    const zip = corpusFiles().find((f) => f.name.endsWith(".zip"));
    if (zip) return { name: `run-${index}.zip`, body: zip.bytes, kind: "zip" };
  }
  const text = mixedLog(bytes, seed * 104729 + index);
  if (shape < 0.25) return { name: `build-${index}.log.gz`, body: gzipSync(text), kind: "gzip" };
  if (shape < 0.6) return { name: `build-${index}.log`, body: text, kind: "multipart" };
  return { name: `build-${index}.log`, body: text, kind: "raw" };
}

// Entry points over files, streams and text. Everything streams: plain and gzip input are read chunk by
// chunk, zip archives member by member; stdin and caller streams holding a zip are spooled to a
// temporary file first because the zip directory sits at the end.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { foldJobFiles, planArchive, type ArchiveMember } from "./ci/gha-archive";
import { collect, toResult, type Source } from "./engine/analyze-sources";
import { fileChunks, isZip, maybeGunzip, peek, readHead, type ByteInput } from "./input/byte-sources";
import { openZip } from "./input/zip-archive";
import type { AnalysisResult, AnalyzeOptions } from "./types";

export async function analyzeStream(input: ByteInput, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const startedAt = performance.now();
  const peeked = await peek(input);
  if (isZip(peeked.head)) return spoolAndAnalyzeZip(peeked.chunks, opts, startedAt);
  const collected = await collect([{ chunks: maybeGunzip(peeked) }], opts);
  return toResult(collected, startedAt);
}

export async function analyzeText(text: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  return analyzeStream([Buffer.from(text, "utf8")] as unknown as AsyncIterable<Uint8Array>, opts);
}

/** Analyzes a plain, gzip or zip file; "-" reads stdin. */
export async function analyzeFile(path: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  if (path === "-") return analyzeStream(process.stdin, opts);
  const startedAt = performance.now();
  if (isZip(await readHead(path))) return analyzeZipFiles([path], opts, startedAt, false);
  return analyzeStream(fileChunks(path), { name: basename(path), ...opts });
}

/** Several files uploaded together (strace -ff per-pid files, logs of several jobs): events carry `file`. */
export async function analyzeFiles(paths: string[], opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  if (paths.length === 1) return analyzeFile(paths[0], opts);
  const startedAt = performance.now();
  return analyzeZipFiles(paths, opts, startedAt, true);
}

/** Plain/gzip files become one source each; zip files contribute their members in archive order. */
async function analyzeZipFiles(paths: string[], opts: AnalyzeOptions, startedAt: number, prefixMembers: boolean): Promise<AnalysisResult> {
  const archives: ArchiveMember[][] = [];
  let sawArchive = false;
  async function* sources(): AsyncGenerator<Source> {
    for (const path of paths) {
      if (!isZip(await readHead(path))) {
        yield { file: basename(path), chunks: maybeGunzip(await peek(fileChunks(path))) };
        continue;
      }
      sawArchive = true;
      const zip = await openZip(path);
      try {
        const prefix = prefixMembers ? `${basename(path)}/` : "";
        const plan = planArchive(zip.members.map((m) => m.name));
        archives.push(plan.map((m) => ({ ...m, name: prefix + m.name, job: prefix + m.job })));
        for (const m of plan) {
          const chunks = maybeGunzip(await peek(await zip.open(m.name)));
          yield { file: prefix + m.name, fallbackStep: m.step, chunks };
        }
      } finally {
        zip.close();
      }
    }
  }
  const collected = await collect(sources(), opts);
  for (const plan of archives) Object.assign(collected, foldJobFiles(plan, collected.events, collected.steps));
  if (sawArchive && !collected.strace) collected.format = paths.length === 1 ? archiveFormat(archives[0], collected.format) : "multiple";
  return toResult(collected, startedAt);
}

function archiveFormat(plan: ArchiveMember[] | undefined, inner: string): string {
  const ghaLayout = plan?.some((m) => /^-?\d+_/.test(m.name.split("/").pop() ?? ""));
  return ghaLayout || inner === "github-actions" ? "github-actions-archive" : "zip";
}

async function spoolAndAnalyzeZip(chunks: AsyncIterable<Uint8Array>, opts: AnalyzeOptions, startedAt: number): Promise<AnalysisResult> {
  const dir = await mkdtemp(join(tmpdir(), "faultline-zip-"));
  const path = join(dir, opts.name && opts.name.endsWith(".zip") ? basename(opts.name) : "input.zip");
  try {
    await pipeline(Readable.from(chunks), createWriteStream(path));
    return await analyzeZipFiles([path], opts, startedAt, false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

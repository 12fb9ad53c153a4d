// Small factories for integration tests: each test gets its own team, so tests never share rows.
import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { db } from "../../lib/db/client";
import { createUpload, type IncomingFile } from "../../lib/services/create-upload";

export const CORPUS_DIR = process.env.FAULTLINE_CORPUS ?? path.resolve(process.cwd(), "../shared/corpus");

export async function createTestTeam(): Promise<string> {
  const slug = `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const team = await db().team.create({ data: { slug, name: slug } });
  return team.id;
}

async function* files(list: IncomingFile[]): AsyncGenerator<IncomingFile> {
  yield* list;
}

export function corpusFile(name: string): IncomingFile {
  return { name: path.basename(name), stream: createReadStream(path.join(CORPUS_DIR, name)) };
}

export function textFile(name: string, text: string): IncomingFile {
  return { name, stream: (async function* () { yield Buffer.from(text); })() };
}

export async function uploadFiles(teamId: string, list: IncomingFile[], metadata: Record<string, string> = {}) {
  return createUpload({ teamId, files: files(list), metadata: () => metadata });
}

export function corpusText(name: string): string {
  return readFileSync(path.join(CORPUS_DIR, name), "utf8");
}

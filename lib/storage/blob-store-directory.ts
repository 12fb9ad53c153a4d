// Raw uploads kept in a directory (FAULTLINE_UPLOAD_STORE=directory) instead of Postgres: one
// gzip-compressed file per ~1 MiB piece under <FAULTLINE_UPLOAD_DIR>/<xx>/<fileId>/<seq>.gz, each
// fsynced before the upload is acknowledged. Postgres keeps only index rows (UploadChunk with the
// piece's newline count and no data), so the log viewer's line index works the same for both stores.
import { mkdir, open, readFile, rm, rmdir } from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client";
import { env } from "../env";
import { writeChunks, type StoredBlob } from "./blob-store-chunks";

export const DIRECTORY_STORAGE = "directory";

export function uploadDir(): string {
  const e = env();
  return path.resolve(e.FAULTLINE_UPLOAD_DIR ?? path.join(e.FAULTLINE_DATA_DIR, "uploads"));
}

/**
 * Where file `index` of an upload goes, relative to uploadDir() so the directory can move: all files of
 * an upload under one directory, spread by the last characters of its cuid (they vary the most).
 */
export function directoryKey(uploadId: string, index: number): string {
  return `${uploadId.slice(-2)}/${uploadId}/${index}`;
}

function keyPath(key: string): string {
  const root = uploadDir();
  const full = path.resolve(root, key);
  // Keys are ours, but never let a stored value point outside the upload directory.
  if (!full.startsWith(root + path.sep)) throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  return full;
}

async function fsyncPath(p: string): Promise<void> {
  const fh = await open(p, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes the pieces under `storageKey` and their index rows for UploadFile `fileId`. */
export async function writeDirectoryBlob(fileId: string, storageKey: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
  const dir = keyPath(storageKey);
  await mkdir(dir, { recursive: true });
  const sink = {
    put: async (seq: number, gz: Uint8Array, newlines: number) => {
      const fh = await open(path.join(dir, `${seq}.gz`), "wx");
      try {
        await fh.writeFile(gz);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await db().uploadChunk.create({ data: { fileId, seq, newlines, data: new Uint8Array() } });
    },
  };
  const blob = await writeChunks(sink, source, maxBytes);
  await fsyncPath(dir); // the new file names are durable too
  return blob;
}

/** Piece `seq` (gzip data), or null past the last one. */
export async function readDirectoryChunk(storageKey: string, seq: number): Promise<Uint8Array | null> {
  try {
    return await readFile(path.join(keyPath(storageKey), `${seq}.gz`));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

/** Removes a file's pieces, and its upload's directory once that is empty. */
export async function removeDirectoryBlob(storageKey: string): Promise<void> {
  const dir = keyPath(storageKey);
  await rm(dir, { recursive: true, force: true });
  await rmdir(path.dirname(dir)).catch(() => {}); // other files of the upload still there: keep it
}

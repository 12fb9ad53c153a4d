// Which store keeps raw uploads: Postgres by default, a directory by configuration
// (FAULTLINE_UPLOAD_STORE, FAULTLINE_UPLOAD_DIR). Writers pick the store here; readers use
// readBlob()/locateLine() from postgres-blob-store.ts, which follow each file's recorded store.
// (No S3-compatible store: there is nothing on this machine to test one against.)
import { env } from "../env";
import { removeDirectoryBlob, writeDirectoryBlob } from "./blob-store-directory";
import type { StoredBlob } from "./blob-store-chunks";
import { writeBlob } from "./postgres-blob-store";

export type BlobStoreKind = "postgres" | "directory";

export function configuredBlobStore(): BlobStoreKind {
  return env().FAULTLINE_UPLOAD_STORE;
}

/** Stores the bytes of UploadFile `file` where its row says (`storage`, and `storageKey` for a directory). */
export async function storeBlob(file: { id: string; storage: BlobStoreKind; storageKey: string | null }, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
  if (file.storage === "directory") {
    if (!file.storageKey) throw new Error(`file ${file.id}: the directory store needs a storage key`);
    return writeDirectoryBlob(file.id, file.storageKey, source, maxBytes);
  }
  return writeBlob(file.id, source, maxBytes);
}

/**
 * Removes what storeBlob wrote outside Postgres (chunk rows go with their UploadFile row), also after a
 * write that failed part way.
 */
export async function removeStoredBlob(file: { id: string; storage: string; storageKey: string | null }): Promise<void> {
  if (file.storage === "directory" && file.storageKey) await removeDirectoryBlob(file.storageKey);
}

// Which store keeps raw uploads: Postgres by default, a directory or an S3-compatible bucket by
// configuration (FAULTLINE_UPLOAD_STORE, FAULTLINE_UPLOAD_DIR, FAULTLINE_S3_*). Writers pick the store
// here; readers use readBlob()/locateLine() from postgres-blob-store.ts, which follow each file's
// recorded store. The S3 module (and the AWS SDK) is loaded only when a file is kept in S3.
import { env } from "../env";
import { directoryKey, removeDirectoryBlob, writeDirectoryBlob } from "./blob-store-directory";
import type { StoredBlob } from "./blob-store-chunks";
import { writeBlob } from "./postgres-blob-store";

export type BlobStoreKind = "postgres" | "directory" | "s3";

export function configuredBlobStore(): BlobStoreKind {
  return env().FAULTLINE_UPLOAD_STORE;
}

/** Where file `index` of upload `uploadId` goes in `store`, recorded before any byte is written. */
export function storageKeyFor(store: BlobStoreKind, uploadId: string, index: number): string | null {
  if (store === "directory") return directoryKey(uploadId, index);
  if (store === "s3") return `${uploadId}/${index}.gz`;
  return null;
}

/** Stores the bytes of UploadFile `file` where its row says (`storage`, and `storageKey` outside Postgres). */
export async function storeBlob(file: { id: string; storage: BlobStoreKind; storageKey: string | null }, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredBlob> {
  if (file.storage === "postgres") return writeBlob(file.id, source, maxBytes);
  if (!file.storageKey) throw new Error(`file ${file.id}: the ${file.storage} store needs a storage key`);
  if (file.storage === "directory") return writeDirectoryBlob(file.id, file.storageKey, source, maxBytes);
  const { writeS3Blob } = await import("./blob-store-s3");
  return writeS3Blob(file.id, file.storageKey, source, maxBytes);
}

/**
 * Removes what storeBlob wrote outside Postgres (chunk rows go with their UploadFile row), also after a
 * write that failed part way.
 */
export async function removeStoredBlob(file: { id: string; storage: string; storageKey: string | null }): Promise<void> {
  if (!file.storageKey) return;
  if (file.storage === "directory") await removeDirectoryBlob(file.storageKey);
  if (file.storage === "s3") await (await import("./blob-store-s3")).removeS3Blob(file.storageKey);
}

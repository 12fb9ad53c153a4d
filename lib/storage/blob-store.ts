// Which store keeps raw uploads: Postgres by default, a directory by configuration
// (FAULTLINE_UPLOAD_STORE, FAULTLINE_UPLOAD_DIR). Writers pick the store here; readers use
// readBlob()/locateLine() from postgres-blob-store.ts, which follow each file's recorded store.
// (No S3-compatible store: there is nothing on this machine to test one against.)
import { env } from "../env";
import { directoryKey, removeDirectoryBlob, writeDirectoryBlob } from "./blob-store-directory";
import type { StoredBlob } from "./blob-store-chunks";
import { writeBlob } from "./postgres-blob-store";

export type BlobStoreKind = "postgres" | "directory";

export interface StoredBlobLocation extends StoredBlob {
  storage: BlobStoreKind;
  storageKey: string | null;
}

export function configuredBlobStore(): BlobStoreKind {
  return env().FAULTLINE_UPLOAD_STORE;
}

export async function storeBlob(fileId: string, source: AsyncIterable<Uint8Array>, maxBytes: number, store: BlobStoreKind = configuredBlobStore()): Promise<StoredBlobLocation> {
  if (store === "directory") return { ...(await writeDirectoryBlob(fileId, source, maxBytes)), storage: "directory" };
  return { ...(await writeBlob(fileId, source, maxBytes)), storage: "postgres", storageKey: null };
}

/**
 * Removes what storeBlob wrote outside Postgres (chunk rows go with their UploadFile row), also after a
 * write that failed part way.
 */
export async function removeStoredBlob(file: { id: string; storage: string; storageKey: string | null }): Promise<void> {
  if (file.storage === "directory") await removeDirectoryBlob(file.storageKey ?? directoryKey(file.id));
}

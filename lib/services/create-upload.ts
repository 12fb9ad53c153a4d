// Stores an upload's files durably (Postgres, or a directory or an S3 bucket by configuration) before
// anything else happens to them. Anything refused part way — too large, too many files, a binary, bad
// metadata, the client gone, an unreachable store — removes what this upload had written, and nothing else.
import { createHash } from "node:crypto";
import { z } from "zod";
import { db } from "../db/client";
import { env } from "../env";
import { configuredBlobStore, removeStoredBlob, storageKeyFor, storeBlob, type BlobStoreKind } from "../storage/blob-store";
import { BlobTooLargeError } from "../storage/blob-store-chunks";
import { acceptedContent } from "./check-upload-content";
import { PayloadTooLargeError, ValidationError } from "./errors";
import { metadataFromNames } from "./parse-upload-metadata";

export const ZUploadMetadata = z.object({
  repo: z.string().max(300).optional(),
  branch: z.string().max(300).optional(),
  commitSha: z.string().max(100).optional(),
  ciProvider: z.string().max(100).optional(),
  workflow: z.string().max(300).optional(),
  job: z.string().max(300).optional(),
  // Shown as a link on incident pages: only web addresses (never javascript:, data: and the like).
  runUrl: z.url({ protocol: /^https?$/, error: "runUrl must be an http(s) URL" }).max(2000).optional(),
  runId: z.string().max(100).optional(),
  startedAt: z.coerce.date().optional(),
  finishedAt: z.coerce.date().optional(),
});
export type TUploadMetadata = z.infer<typeof ZUploadMetadata>;

export interface IncomingFile {
  name: string;
  contentType?: string;
  stream: AsyncIterable<Uint8Array>;
}

export interface CreatedUpload {
  id: string;
  sha256: string;
  totalBytes: number;
  duplicateOf: string | null;
}

const SAFE_NAME = /^[^\0/\\]{1,255}$/;

export async function createUpload(input: {
  teamId: string;
  files: AsyncIterable<IncomingFile>;
  /** Read after the files: multipart fields may follow them. */
  metadata?: () => unknown;
  maxBytes?: number;
  maxFiles?: number;
  /** Where the bytes go; FAULTLINE_UPLOAD_STORE by default. */
  store?: BlobStoreKind;
}): Promise<CreatedUpload> {
  const maxBytes = input.maxBytes ?? env().FAULTLINE_UPLOAD_MAX_BYTES;
  const maxFiles = input.maxFiles ?? env().FAULTLINE_UPLOAD_MAX_FILES;
  const store = input.store ?? configuredBlobStore();
  const upload = await db().upload.create({
    data: { teamId: input.teamId, sha256: "", totalBytes: 0n, status: "receiving" },
    select: { id: true },
  });
  const written: { id: string; storage: string; storageKey: string | null }[] = [];
  try {
    let total = 0;
    const digests: string[] = [];
    const names: string[] = [];
    for await (const file of input.files) {
      if (names.length >= maxFiles) throw new PayloadTooLargeError(`an upload holds at most ${maxFiles} files; send the rest in another upload or as one .zip`);
      const name = file.name.split(/[\\/]/).pop() ?? "";
      if (!SAFE_NAME.test(name)) throw new ValidationError(`invalid file name ${JSON.stringify(file.name)}`);
      // Names locate files in an upload (log viewer, evidence links, archive-like analysis): one each.
      if (names.includes(name)) throw new ValidationError(`two files are named ${JSON.stringify(name)}; rename one or send them as separate uploads`);
      names.push(name);
      // Where the bytes go is recorded before they are written, so a failure part way can be cleaned up.
      const storageKey = storageKeyFor(store, upload.id, names.length - 1);
      const row = await db().uploadFile.create({
        data: { uploadId: upload.id, name, size: 0n, contentType: file.contentType, storage: store, storageKey },
        select: { id: true },
      });
      const location = { id: row.id, storage: store, storageKey };
      written.push(location);
      const blob = await storeBlob(location, acceptedContent(name, file.stream), maxBytes - total);
      if (blob.size === 0) throw new ValidationError(`file ${name} is empty`);
      total += blob.size;
      digests.push(blob.sha256);
      const lines = blob.compressed ? null : blob.newlines + (blob.endsWithNewline ? 0 : 1);
      await db().uploadFile.update({ where: { id: row.id }, data: { size: BigInt(blob.size), lines } });
    }
    if (digests.length === 0) throw new ValidationError("no file was uploaded");
    const parsed = ZUploadMetadata.safeParse(input.metadata?.() ?? {});
    if (!parsed.success) throw new ValidationError(`invalid metadata: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const given = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined && v !== ""));
    // One file: its own sha256; several: the digest list's, so the same set of files is recognised too.
    const sha256 = digests.length === 1 ? digests[0] : createHash("sha256").update(digests.join("\n")).digest("hex");
    const duplicate = await db().upload.findFirst({
      where: { teamId: input.teamId, sha256, id: { not: upload.id } },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    await db().upload.update({
      where: { id: upload.id },
      data: { sha256, totalBytes: BigInt(total), status: "received", ...metadataFromNames(names), ...given },
    });
    return { id: upload.id, sha256, totalBytes: total, duplicateOf: duplicate?.id ?? null };
  } catch (err) {
    await db().upload.delete({ where: { id: upload.id } }).catch(() => {});
    for (const f of written) await removeStoredBlob(f).catch(() => {});
    if (err instanceof BlobTooLargeError) throw new PayloadTooLargeError(`upload exceeds the limit of ${maxBytes} bytes`);
    throw err;
  }
}

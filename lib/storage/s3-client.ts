// The S3 client of the S3 store, built from lib/env's FAULTLINE_S3_* settings. Without
// FAULTLINE_S3_ACCESS_KEY_ID the SDK finds credentials itself (AWS_* variables, profiles, instance
// and task roles): the only environment reading outside lib/env.ts, and it is the SDK's.
import { S3Client } from "@aws-sdk/client-s3";
import { env } from "../env";
import { BlobStoreUnavailableError } from "./blob-store-chunks";

export interface S3Location {
  s3: S3Client;
  bucket: string;
  /** The object key of a stored file: FAULTLINE_S3_PREFIX + its storage key. */
  key: string;
}

let built: { settings: string; s3: S3Client } | undefined;

function client(): S3Client {
  const e = env();
  const settings = JSON.stringify([e.FAULTLINE_S3_ENDPOINT, e.FAULTLINE_S3_REGION, e.FAULTLINE_S3_FORCE_PATH_STYLE, e.FAULTLINE_S3_ACCESS_KEY_ID, e.FAULTLINE_S3_SECRET_ACCESS_KEY]);
  if (built?.settings === settings) return built.s3;
  built?.s3.destroy();
  const keys = e.FAULTLINE_S3_ACCESS_KEY_ID && e.FAULTLINE_S3_SECRET_ACCESS_KEY ? { accessKeyId: e.FAULTLINE_S3_ACCESS_KEY_ID, secretAccessKey: e.FAULTLINE_S3_SECRET_ACCESS_KEY } : undefined;
  const s3 = new S3Client({
    region: e.FAULTLINE_S3_REGION,
    endpoint: e.FAULTLINE_S3_ENDPOINT,
    forcePathStyle: e.FAULTLINE_S3_FORCE_PATH_STYLE,
    credentials: keys,
    // A bucket in another region than FAULTLINE_S3_REGION still works on AWS.
    followRegionRedirects: true,
    // An unreachable store fails the upload within seconds instead of holding the request open; a
    // stalled transfer is given up after a minute without a byte.
    requestHandler: { connectionTimeout: 5_000, socketTimeout: 60_000 },
    // The SDK's extra CRC checksums (x-amz-checksum-*, aws-chunked bodies) are refused by several S3
    // gateways (R2, older MinIO and Ceph); every stored piece is gzip with its own CRC32 anyway.
    ...(e.FAULTLINE_S3_ENDPOINT ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
  });
  built = { settings, s3 };
  return s3;
}

export function s3Location(storageKey: string): S3Location {
  const e = env();
  if (!e.FAULTLINE_S3_BUCKET) throw new BlobStoreUnavailableError(`file ${storageKey} is kept in S3, but FAULTLINE_S3_BUCKET is not set`);
  return { s3: client(), bucket: e.FAULTLINE_S3_BUCKET, key: `${e.FAULTLINE_S3_PREFIX}${storageKey}` };
}

/** An S3 failure as the store's typed error, naming the object and the cause (never the credentials). */
export function s3Unavailable(cause: unknown, doing: string, at: S3Location): BlobStoreUnavailableError {
  if (cause instanceof BlobStoreUnavailableError) return cause;
  const e = (cause ?? {}) as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ? `HTTP ${e.$metadata.httpStatusCode}` : undefined;
  const reason = [e.name && e.name !== "Error" ? e.name : undefined, e.code, status, e.message].filter(Boolean).join(": ");
  const endpoint = env().FAULTLINE_S3_ENDPOINT ?? "AWS";
  return new BlobStoreUnavailableError(`S3 store (${endpoint}) could not ${doing} s3://${at.bucket}/${at.key}: ${reason || String(cause)}`, { cause });
}

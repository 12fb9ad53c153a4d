// The only module that reads process.env: every setting is validated here once, with messages
// that say which variable is wrong and what it should look like.
import os from "node:os";
import path from "node:path";
import { z } from "zod";

function defaultDataDir(): string {
  // As root, embedded Postgres runs as the `postgres` OS user, which cannot enter /root: use a system dir.
  if (process.getuid?.() === 0) return "/var/lib/faultline";
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), ".local", "share");
  return path.join(base, "faultline");
}

/** A setting for which an empty value (`FOO=` in a compose file) means unset. */
function unsetIfEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema);
}

function asKeyFolder(prefix: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed ? `${trimmed}/` : "";
}

const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  FAULTLINE_DATA_DIR: z.string().min(1).optional(),
  FAULTLINE_EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  FAULTLINE_PUBLIC_URL: z.string().url("must be an absolute URL such as https://faultline.example.com").optional(),
  FAULTLINE_UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(2 * 1024 ** 3),
  FAULTLINE_UPLOAD_MAX_FILES: z.coerce.number().int().positive().max(1000).default(100),
  FAULTLINE_UPLOAD_STORE: z.enum(["postgres", "directory", "s3"], "must be postgres, directory or s3").default("postgres"),
  /** Where the directory store keeps raw uploads; default `<FAULTLINE_DATA_DIR>/uploads`. */
  FAULTLINE_UPLOAD_DIR: z.string().min(1).optional(),
  // The S3 store. Read whenever a bucket is set, not only with FAULTLINE_UPLOAD_STORE=s3: files stored
  // in S3 stay readable after the store for new uploads changes.
  FAULTLINE_S3_BUCKET: unsetIfEmpty(z.string().regex(/^[a-z0-9][a-z0-9._-]{1,254}$/i, "must be a bucket name such as faultline-uploads").optional()),
  FAULTLINE_S3_ENDPOINT: unsetIfEmpty(z.string().regex(/^https?:\/\/[^/]/, "must be an http(s):// URL such as http://127.0.0.1:9000").optional()),
  FAULTLINE_S3_REGION: unsetIfEmpty(z.string().default("us-east-1")),
  /** Key prefix inside the bucket, kept as a folder: `logs` and `logs/` both give `logs/<upload>/…`. */
  FAULTLINE_S3_PREFIX: unsetIfEmpty(z.string().default("").transform(asKeyFolder)),
  FAULTLINE_S3_FORCE_PATH_STYLE: unsetIfEmpty(z.enum(["true", "false", "1", "0"], "must be true or false").transform((v) => v === "true" || v === "1").optional()),
  FAULTLINE_S3_ACCESS_KEY_ID: unsetIfEmpty(z.string().optional()),
  FAULTLINE_S3_SECRET_ACCESS_KEY: unsetIfEmpty(z.string().optional()),
  FAULTLINE_WORKER: z.enum(["on", "off"]).default("on"),
  // Uploads per team: a burst of this many, refilled at this rate (token bucket, per server process).
  FAULTLINE_UPLOAD_BURST: z.coerce.number().int().positive().default(200),
  FAULTLINE_UPLOAD_PER_SECOND: z.coerce.number().positive().default(2),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
})
  .superRefine((e, ctx) => {
    if (e.FAULTLINE_UPLOAD_STORE === "s3" && !e.FAULTLINE_S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["FAULTLINE_S3_BUCKET"], message: "is required with FAULTLINE_UPLOAD_STORE=s3 (the bucket raw uploads go to)" });
    }
    if (!e.FAULTLINE_S3_ACCESS_KEY_ID !== !e.FAULTLINE_S3_SECRET_ACCESS_KEY) {
      const missing = e.FAULTLINE_S3_ACCESS_KEY_ID ? "FAULTLINE_S3_SECRET_ACCESS_KEY" : "FAULTLINE_S3_ACCESS_KEY_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required too: set both S3 keys, or neither to use the AWS_* credential chain" });
    }
  })
  // Gateways (MinIO, Ceph) are usually reached by path (http://host:9000/bucket/key); AWS by bucket host name.
  .transform((e) => ({ ...e, FAULTLINE_S3_FORCE_PATH_STYLE: e.FAULTLINE_S3_FORCE_PATH_STYLE ?? e.FAULTLINE_S3_ENDPOINT !== undefined }));

export type Env = z.output<typeof ZEnv> & { FAULTLINE_DATA_DIR: string };

let cached: Env | undefined;

export class EnvError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid Faultline configuration:\n${lines.join("\n")}`);
  }
  return { ...parsed.data, FAULTLINE_DATA_DIR: parsed.data.FAULTLINE_DATA_DIR ?? defaultDataDir() };
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** For the launcher, which decides the database URL (embedded or given) before starting the app. */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  cached = undefined;
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new EnvError("DATABASE_URL is not set: start Faultline with `npm start`, which provides one.");
  return url;
}

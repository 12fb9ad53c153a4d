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
  FAULTLINE_UPLOAD_STORE: z.enum(["postgres", "directory"], "must be postgres or directory").default("postgres"),
  /** Where the directory store keeps raw uploads; default `<FAULTLINE_DATA_DIR>/uploads`. */
  FAULTLINE_UPLOAD_DIR: z.string().min(1).optional(),
  FAULTLINE_WORKER: z.enum(["on", "off"]).default("on"),
  // Uploads per team: a burst of this many, refilled at this rate (token bucket, per server process).
  FAULTLINE_UPLOAD_BURST: z.coerce.number().int().positive().default(200),
  FAULTLINE_UPLOAD_PER_SECOND: z.coerce.number().positive().default(2),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof ZEnv> & { FAULTLINE_DATA_DIR: string };

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

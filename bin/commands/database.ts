// Shared by the administration commands: the database from DATABASE_URL, migrated before use.
import { migrate } from "../../lib/db/migrate";
import { disconnectDb } from "../../lib/db/client";
import { env } from "../../lib/env";
import { ServiceError } from "../../lib/services/errors";
import { ZodError } from "zod";

export interface CommandIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Promise<string>;
}

export const defaultIO = (): CommandIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
});

/** Runs `body` against the migrated database; service and validation errors become exit code 1. */
export async function withDatabase(name: string, io: CommandIO, body: () => Promise<number>): Promise<number> {
  const url = env().DATABASE_URL;
  if (!url) {
    io.stderr(`faultline ${name}: DATABASE_URL is not set (postgresql://user:pass@host:5432/db of the Faultline database)\n`);
    return 2;
  }
  try {
    await migrate(url);
    return await body();
  } catch (err) {
    if (err instanceof ZodError) io.stderr(`faultline ${name}: ${err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}\n`);
    else if (err instanceof ServiceError) io.stderr(`faultline ${name}: ${err.message}\n`);
    else io.stderr(`faultline ${name}: ${(err as Error).message}\n`);
    return 1;
  } finally {
    await disconnectDb().catch(() => {});
  }
}

// What GET /api/health reports: the app version and whether the database answers.
import { db } from "../db/client";
import pkg from "../../package.json";

export async function checkHealth(): Promise<{ ok: boolean; version: string; database: "up" | "down"; error?: string }> {
  try {
    await db().$queryRaw`SELECT 1`;
    return { ok: true, version: pkg.version, database: "up" };
  } catch (err) {
    return { ok: false, version: pkg.version, database: "down", error: (err as Error).message.split("\n")[0].slice(0, 200) };
  }
}

// How many of a team's uploads an older analyzer version produced (re-analysis candidates).
import { ANALYZER_VERSION } from "../analysis";
import { db } from "../db/client";

export async function countStaleUploads(input: { teamId: string }): Promise<{ stale: number; analyzerVersion: string }> {
  const stale = await db().upload.count({
    where: { teamId: input.teamId, status: { not: "receiving" }, OR: [{ analyzerVersion: null }, { analyzerVersion: { not: ANALYZER_VERSION } }] },
  });
  return { stale, analyzerVersion: ANALYZER_VERSION };
}

// Re-runs analysis over stored uploads when the analyzer improved: queues every upload analysed by
// another analyzer version (or never analysed: a lost enqueue), or all of them. Used by
// `npm run reanalyze` and meant for the admin button.
import { ANALYZER_VERSION } from "../analysis";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { getBoss, jobsConfig } from "./boss";
import { enqueueAnalysis } from "./enqueue-analysis";
import { keysWithPendingJobs } from "./pgboss-sql";
import { ANALYZE_UPLOAD_QUEUE } from "./queues";

const PAGE = 500;

export interface ReanalyzeResult {
  enqueued: number;
  /** Already waiting or running: that run uses the current analyzer anyway. */
  alreadyPending: number;
}

export async function reanalyzeUploads(opts: { all?: boolean; teamId?: string; dryRun?: boolean } = {}): Promise<ReanalyzeResult> {
  const boss = await getBoss();
  const { schema } = jobsConfig();
  const where: Prisma.UploadWhereInput = {
    status: { not: "receiving" }, // still being stored, or abandoned mid-upload
    ...(opts.teamId ? { teamId: opts.teamId } : {}),
    // `not` alone would skip uploads never analysed (analyzerVersion null).
    ...(opts.all ? {} : { OR: [{ analyzerVersion: null }, { analyzerVersion: { not: ANALYZER_VERSION } }] }),
  };
  const result: ReanalyzeResult = { enqueued: 0, alreadyPending: 0 };
  let cursor: string | undefined;
  for (;;) {
    const page = await db().upload.findMany({
      where: cursor ? { AND: [where, { id: { gt: cursor } }] } : where,
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true },
    });
    if (page.length === 0) return result;
    cursor = page[page.length - 1].id;
    const ids = page.map((u) => u.id);
    const pending = await keysWithPendingJobs(boss.getDb(), schema, ANALYZE_UPLOAD_QUEUE, ids);
    for (const id of ids) {
      if (pending.has(id)) {
        result.alreadyPending++;
        continue;
      }
      if (!opts.dryRun) await enqueueAnalysis(id);
      result.enqueued++;
    }
  }
}

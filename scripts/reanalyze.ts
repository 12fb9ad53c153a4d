// `npm run reanalyze`: queues re-analysis of the stored uploads whose analyzer version differs from the
// current one (or never analysed), or of all of them with --all. Workers do the work; this only queues.
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db/client";
import { EnvError, requireDatabaseUrl } from "../lib/env";
import { stopBoss } from "../lib/jobs/boss";
import { reanalyzeUploads } from "../lib/jobs/reanalyze";

const USAGE = `usage: npm run reanalyze -- [--all] [--dry-run]
  --all      every stored upload, not only those analysed by another analyzer version
  --dry-run  count what would be queued, queue nothing`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { all: { type: "boolean" }, "dry-run": { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  requireDatabaseUrl();
  try {
    const r = await reanalyzeUploads({ all: values.all, dryRun: values["dry-run"] });
    const verb = values["dry-run"] ? "would queue" : "queued";
    console.log(`[reanalyze] ${verb} ${r.enqueued} upload(s); ${r.alreadyPending} already waiting or running`);
    return 0;
  } finally {
    await stopBoss();
    await disconnectDb();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[reanalyze] ${err instanceof EnvError ? err.message : (err as Error).stack ?? err}`);
    process.exit(err instanceof EnvError ? 2 : 1);
  },
);

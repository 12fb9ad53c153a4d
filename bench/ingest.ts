// `npm run bench:ingest`: writes N analysed events (default 1,000,000) the way the worker does
// (lib/db/insert-events.ts copyEvents, from EventRow objects, in one transaction) and, in the same run
// on the same table shape, a bare COPY of the same rows pre-rendered by a minimal encoder as baseline. Prints rows/s for both and the ratio (target: <= 2x COPY).
// Uses DATABASE_URL; the rows go to scratch tables that are dropped afterwards.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyEvents, type EventRow } from "../lib/db/insert-events";
import { requireDatabaseUrl } from "../lib/env";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg("--rows", 1_000_000);
const CLASSES = ["checksum_mismatch", "http_403", "enoent", "dns_failure", "process_exit", "compile_error"];

function makeRow(uploadId: string, seq: number): EventRow {
  const cls = CLASSES[seq % CLASSES.length];
  return {
    uploadId, seq, class: cls, line: seq * 3 + 1, endLine: seq * 3 + 3, file: seq % 4 === 0 ? `build/${seq % 7}_Run go build.txt` : null,
    timestamp: new Date(1_763_600_000_000 + seq * 17), step: `Run step ${seq % 9}`,
    message: `verifying github.com/acme/mod${seq % 500}@v1.${seq % 30}.0: checksum mismatch`,
    fields: { module: `github.com/acme/mod${seq % 500}`, version: `v1.${seq % 30}.0`, status: 403 },
    fingerprint: `fp-${seq % 5000}`, count: 1 + (seq % 3), ruleId: `go.${cls}`, runbookId: "go-checksum-mismatch", isRootCause: seq === 0,
  };
}

function copyLine(r: EventRow): string {
  const esc = (v: string | null) => (v === null ? "\\N" : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r"));
  return [r.uploadId, r.seq, r.class, r.line, r.endLine, esc(r.file), r.timestamp?.toISOString() ?? "\\N", esc(r.step), esc(r.message),
    esc(JSON.stringify(r.fields)), r.fingerprint, r.count, r.ruleId, esc(r.runbookId), r.isRootCause ? "t" : "f"].join("\t") + "\n";
}

async function main() {
  const url = requireDatabaseUrl();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const suffix = randomUUID().slice(0, 8);
  const ours = `bench_events_${suffix}`;
  const base = `bench_copy_${suffix}`;
  // Same columns, constraints and indexes as ErrorEvent, without the foreign key to Upload.
  for (const t of [ours, base]) await admin.query(`CREATE TABLE "${t}" (LIKE "ErrorEvent" INCLUDING ALL)`);
  const uploadId = `bench-${suffix}`;
  try {
    // Ours: the production code path, into a scratch table of the same shape.
    const t0 = performance.now();
    await admin.query("BEGIN");
    await copyEvents(admin, (function* () {
      for (let s = 0; s < N; s++) yield makeRow(uploadId, s);
    })(), { table: ours });
    await admin.query("COMMIT");
    const oursMs = performance.now() - t0;

    const t1 = performance.now();
    await admin.query("BEGIN");
    const cols = `"uploadId", seq, class, line, "endLine", file, timestamp, step, message, fields, fingerprint, count, "ruleId", "runbookId", "isRootCause"`;
    const source = Readable.from((function* () {
      let piece = "";
      for (let s = 0; s < N; s++) {
        piece += copyLine(makeRow(uploadId, s));
        if (s % 500 === 499) {
          yield piece;
          piece = "";
        }
      }
      if (piece) yield piece;
    })());
    await pipeline(source, admin.query(copyFrom(`COPY "${base}" (${cols}) FROM STDIN`)));
    await admin.query("COMMIT");
    const copyMs = performance.now() - t1;

    const counted = await admin.query(`SELECT (SELECT count(*) FROM "${ours}")::int AS a, (SELECT count(*) FROM "${base}")::int AS b`);
    const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s, ${Math.round(N / (ms / 1000)).toLocaleString("en-US")} rows/s`;
    console.log(`events written           ${N.toLocaleString("en-US")} (ours ${counted.rows[0].a}, copy ${counted.rows[0].b})`);
    console.log(`faultline event writer   ${fmt(oursMs)}`);
    console.log(`raw COPY (baseline)      ${fmt(copyMs)}`);
    console.log(`ratio ours/COPY          ${(oursMs / copyMs).toFixed(2)}x (target <= 2.00x)`);
  } finally {
    for (const t of [ours, base]) await admin.query(`DROP TABLE IF EXISTS "${t}"`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

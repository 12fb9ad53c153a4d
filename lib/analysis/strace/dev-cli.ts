// Development runner: `npx tsx lib/analysis/strace/dev-cli.ts FILE... [--report] [--base-date YYYY-MM-DD]`
// prints `{format, events, rootCause, causalChain}` (and the StraceReport with --report). Several files
// are analyzed together as the per-pid files of one `strace -ff` run.
import { basename } from "node:path";
import { analyzeStraceFiles, createStraceAnalyzer, detectStrace } from "./index";
import { readLines } from "./read-lines";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const withReport = args.includes("--report");
  const dateAt = args.indexOf("--base-date");
  const baseDate = dateAt >= 0 ? args[dateAt + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith("--") && (dateAt < 0 || i !== dateAt + 1));
  if (!files.length) throw new Error("usage: dev-cli.ts FILE... [--report] [--base-date YYYY-MM-DD]");
  let result;
  if (files.length > 1) {
    result = await analyzeStraceFiles(files.map((f) => ({ name: basename(f), lines: readLines(f) })), { baseDate });
  } else {
    const sample: string[] = [];
    for (const line of readLines(files[0])) if (sample.push(line) >= 50) break;
    const kind = detectStrace(sample);
    if (!kind) {
      console.log(JSON.stringify({ format: "plain", events: [], rootCause: null, causalChain: [] }));
      return;
    }
    const analyzer = createStraceAnalyzer(kind, { name: basename(files[0]), baseDate });
    let no = 0;
    for (const text of readLines(files[0])) analyzer.push({ no: ++no, text, bytes: text.length + 1 });
    result = analyzer.finish();
  }
  const { strace, ...rest } = result;
  console.log(JSON.stringify(withReport ? { ...rest, strace } : rest, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

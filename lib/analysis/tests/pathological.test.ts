// Bounded work per line: megabyte lines, near-matching repetitions and backtracking bait go through
// every rule quickly, and memory does not grow with line length.
import { describe, expect, it } from "vitest";
import { MATCH_CHARS, RuleMatcher } from "../engine/rule-matcher";
import { RULES } from "../rules";
import { analyzeChunked } from "./helpers";

const MB = 1 << 20;
// Fragments that satisfy the literal prefilters and lead regexes into their longest paths.
const BAIT = [
  "a", " ", "@", ":", "/", "'", '"', "go: ", "verifying a@", "checksum mismatch ", "reading http://", ": 404 ",
  "npm error ", "x509: a ", "lookup ", "dial tcp ", "ERROR: ", "[Errno 1", "not ok 1 - ", "--- FAIL: ",
  "could not read Username for '", "E: ", "Error: ENOENT: a", "fatal: ", "HTTP/1.1 4", "exit status ",
  "manifest for ", "FAILED ", "Could not find artifact ", "error[E0001]: ", "remaining connection slots are reserved for ",
  "a.a.", "a b ", "x509: ", "-", "a:1:", "\t", "  at ", "::", "a::b ",
];

describe("pathological input", () => {
  it("each rule on each bait repeated to the match window stays fast", () => {
    const matcher = new RuleMatcher(RULES, {});
    let worst = 0;
    let worstCase = "";
    for (const bait of BAIT) {
      const line = bait.repeat(Math.ceil(MATCH_CHARS / bait.length) * 2);
      const text = line.slice(0, MATCH_CHARS);
      for (const rule of RULES) {
        const c = rule.continuation;
        for (const re of [rule.pattern, ...(rule.extract ?? []), ...(c?.fields ?? []), ...(c?.line ? [c.line] : []), ...(c?.confirm ? [c.confirm] : [])]) {
          // Minimum of three runs: scheduling noise only ever adds time, backtracking is always slow.
          let ms = Infinity;
          for (let k = 0; k < 3; k++) {
            const t = performance.now();
            re.exec(text);
            ms = Math.min(ms, performance.now() - t);
          }
          if (ms > worst) [worst, worstCase] = [ms, `${rule.id} /${re.source.slice(0, 50)}/ on ${JSON.stringify(bait)}`];
        }
      }
      matcher.match(line);
    }
    // A linear pattern takes microseconds on 4 KiB; quadratic backtracking takes about 10 ms there.
    expect(worst, worstCase).toBeLessThan(5);
  });

  it("5 MB lines of repeated near-matches are analysed in bounded time and memory", async () => {
    const lines = BAIT.map((b) => b.repeat(Math.ceil((5 * MB) / b.length)).slice(0, 5 * MB));
    const data = Buffer.from(lines.join("\n") + "\nnpm error code E404\n");
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const r = await analyzeChunked(data, 1 << 20);
    const ms = performance.now() - t;
    expect(r.stats.lines).toBe(BAIT.length + 1);
    expect(r.events.at(-1)).toMatchObject({ class: "not_found", line: BAIT.length + 1 });
    expect(ms).toBeLessThan(8000);
    // Lines are not accumulated: memory grows by far less than the 150 MB of input.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
  });

  it("only the first bytes of a huge line are matched", async () => {
    const data = Buffer.from("x".repeat(2 * MB) + " fatal: repository 'http://h/x' not found\n");
    expect((await analyzeChunked(data, 64 * 1024)).events).toEqual([]);
  });
});

// Reproduces one fuzz finding: `npx tsx drills/fuzz-repro.ts SEED INDEX [--save FILE]` regenerates the
// input, runs the analyzer on it in the same chunks as the drill did, and prints the outcome.
import { writeFileSync } from "node:fs";
import { runFuzzCase } from "./support/fuzz-check";
import { chunked, fuzzInput } from "./support/fuzz-input";

const [seedArg, indexArg] = process.argv.slice(2);
const seed = Number(seedArg);
const index = Number(indexArg);
if (!Number.isInteger(seed) || !Number.isInteger(index)) {
  console.error("usage: tsx drills/fuzz-repro.ts SEED INDEX [--save FILE]");
  process.exit(2);
}
const input = fuzzInput(seed, index);
const save = process.argv.indexOf("--save");
if (save > 0) writeFileSync(process.argv[save + 1], input.bytes);
console.log(`input ${index} of seed ${seed}: ${input.kind}, ${input.bytes.length} bytes in chunks of ${chunked(input.bytes, seed, index).map((c) => c.length).join("+")}`);
console.log(JSON.stringify(input.bytes.subarray(0, 300).toString("latin1")));
const outcome = await runFuzzCase(seed, index, { chunkInvariance: true });
console.log(JSON.stringify(outcome, null, 2));

// Detection over the shared corpus when it is checked out next to the repo: every strace file is
// recognised with its kind, and no build log is taken for strace.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectStrace } from "../index";

const CORPUS = join(__dirname, "../../../../../shared/corpus");

function labelled(dir: string): { file: string; kind: string }[] {
  const out: { file: string; kind: string }[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...labelled(p));
    else if (name.endsWith(".expected.json") && !name.includes(".zip") && !name.includes(".gz")) {
      const file = p.slice(0, -".expected.json".length);
      if (existsSync(file)) out.push({ file, kind: JSON.parse(readFileSync(p, "utf8")).kind });
    }
  }
  return out;
}

describe.skipIf(!existsSync(CORPUS))("corpus detection", () => {
  it("recognises strace files and no build log", () => {
    for (const { file, kind } of labelled(CORPUS)) {
      const sample = readFileSync(file, "utf8").split("\n", 50).map((l) => l.replace(/\r$/, "").replace(/\x1b\[[0-9;]*m/g, ""));
      const expected = kind === "strace" || kind === "strace-summary" ? kind : null;
      expect({ file, kind: detectStrace(sample) }).toEqual({ file, kind: expected });
    }
  });
});

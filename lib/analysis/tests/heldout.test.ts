// Held-out-style sets: real tool runs of scenarios the development corpus does not have (fixtures/heldout,
// labelled by hand in the corpus's format), scored as the corpus scorer scores them. Floors, not exact
// results: a few labels are judgement calls the analyzer may reasonably read otherwise (each set's
// disagreements are listed in the test below); a drop under the floor is a regression.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../analyze";
import type { AnalysisResult } from "../types";

const DIR = join(__dirname, "fixtures/heldout");
const MAX_SPAN = 12;

interface Label {
  events: { class: string; line: number; file?: string; repeat_of?: unknown }[];
  root_cause_line?: number | null;
  benign?: number[];
}

function labelled(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return labelled(p);
    return name.endsWith(".expected.json") ? [p.slice(0, -".expected.json".length)] : [];
  });
}

type Event = AnalysisResult["events"][number];
const covers = (e: { line: number; endLine?: number }, line: number) => line >= e.line && line <= Math.min(e.endLine ?? e.line, e.line + MAX_SPAN);

async function score(set: string) {
  let tp = 0, fn = 0, fp = 0, rootWanted = 0, rootRight = 0, benignFlagged = 0;
  const misses: string[] = [];
  const root = join(DIR, set);
  for (const file of labelled(root)) {
    const name = file.slice(root.length + 1);
    const label = JSON.parse(readFileSync(`${file}.expected.json`, "utf8")) as Label;
    const r = await analyzeFile(file);
    const used = new Set<number>();
    for (const want of label.events.filter((e) => e.repeat_of === undefined)) {
      const i = r.events.findIndex((e: Event, k) => !used.has(k) && e.class === want.class && covers(e, want.line));
      if (i < 0) {
        fn++;
        misses.push(`${name}: missed ${want.class}@${want.line}`);
      } else {
        used.add(i);
        tp++;
      }
    }
    const repeats = label.events.filter((e) => e.repeat_of !== undefined);
    r.events.forEach((e: Event, k) => {
      if (used.has(k) || repeats.some((rep) => rep.class === e.class && covers(e, rep.line))) return;
      fp++;
      if (label.benign?.includes(e.line)) benignFlagged++;
      misses.push(`${name}: extra ${e.class}@${e.line}`);
    });
    if (label.root_cause_line != null) {
      rootWanted++;
      if (r.rootCause && covers(r.rootCause, label.root_cause_line)) rootRight++;
    }
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp), root: rootRight / rootWanted, benignFlagged, misses };
}

describe("held-out-style real runs", () => {
  it("strace traces (97 scenarios in five rounds, 114 files)", async () => {
    const s = await score("strace");
    // Left, with why: a `strace -c` row whose errno the table cannot show (ENOSPC on write); a JVM class
    // path entry missing (found only through a stat among thousands of the JVM's); ld's library search,
    // where the label counts `/lib/../lib/libX.so` and `/lib/libX.so` as two candidates and the analyzer
    // one file; git receive-pack's EACCES, which the process exits 0 after, reported by the client in
    // another process. Round 4's judgement calls read otherwise: cargo's cache write failing at the end
    // (benign to the label), a cache write it ignored early on (an event to the label), EISDIR labelled
    // enoent, the missing -I directory rather than the header search as the root, unzip's `X.zip`/`X.ZIP`
    // tries after `X` (the corpus's git `X.git` tries are benign), and a `strace -Z` trace whose
    // failures cannot be told apart without the successes it hides. Round 5: an HTTP 503 labelled
    // rate_limited (no class for it here).
    expect(s.misses.sort()).toEqual([
      "round2/strace-java-classnotfound.txt: missed enoent@1483",
      ...[660, 662, 664, 666, 668, 670, 704, 706, 708, 710].map((l) => `round3/strace-gcc-link-missing-lib.txt: missed enoent@${l}`),
      "round3/strace-git-push-objects-eacces.txt: missed permission_denied@1087",
      "round4/strace-cargo-missing-path-dependency.txt: extra enoent@515",
      "round4/strace-cargo-target-dir-erofs.txt: missed permission_denied@1330",
      "round4/strace-gcc-output-path-is-directory.txt: missed enoent@1374",
      "round4/strace-gxx-header-in-unlisted-include-dir.txt: missed enoent@103",
      "round4/strace-mvn-offline-parent-pom-missing-failed-only.txt: missed enoent@2326",
      "round4/strace-mvn-offline-parent-pom-missing-failed-only.txt: missed enoent@2344",
      "round4/strace-unzip-artifact-missing-notimestamps.txt: missed enoent@72",
      "round4/strace-unzip-artifact-missing-notimestamps.txt: missed enoent@73",
      "round5/strace-curl-503-retry-exhausted.txt: missed rate_limited@26",
      "strace-c-dd-enospc.txt: missed disk_full@3",
    ]);
    expect(s.benignFlagged).toBeLessThanOrEqual(2);
    expect(s.recall).toBeGreaterThanOrEqual(0.93);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
    expect(s.root).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it("build logs (102 runs of pip, npm, git, curl, psql/postgres, make/gcc, cargo, maven, node, python, java, tar, rsync, docker in four rounds)", async () => {
    const s = await score("logs");
    // Left: make's knock-on `Fatal error: x.o: No such file or directory` after ENOSPC; pip's -vv urllib3
    // trace line of a 401 (pip's own statement one line later is reported, which the label counts as its
    // repeat); a shell's bare `Aborted` after node's abort; pg_dump's `a worker process died` after the
    // too-many-connections error it follows from; Maven's `[WARNING] The POM for … is missing` (also
    // printed for POM-less jars that resolve: the ERROR that follows it is reported); pip's retry warning
    // in a run that then succeeded (nothing in the line tells, and the same warning is a failing run's
    // first sign). Round 4's class choices for failures the taxonomy has no class for (a build script's
    // TypeError as compile_error, a unique violation as version_conflict), and an install script's own
    // `HTTP 404` line inside npm's `code 1` block.
    expect(s.misses.sort()).toEqual([
      "make-enospc-tmpfs.log: missed enoent@5",
      "pip-index-401-verbose.log: missed http_401@16",
      "round2/npm-script-heap-oom.gha.log: missed process_exit@35",
      "round2/pg-dump-parallel-too-many-clients.gha.log: missed process_exit@7",
      "round3/mvn-offline-missing-artifact.log: missed not_found@6",
      "round3/pip-read-timeout-retry-ok.log: extra timeout@8",
      "round4/node-build-script-typeerror.log: missed compile_error@15",
      "round4/npm-install-script-prebuilt-404.log: missed not_found@6",
      "round4/psql-seed-unique-violation-verbose.log: missed version_conflict@3",
      "round4/psql-seed-unique-violation.gha.log: missed version_conflict@8",
    ]);
    expect(s.benignFlagged).toBeLessThanOrEqual(1);
    expect(s.recall).toBeGreaterThanOrEqual(0.94);
    expect(s.precision).toBeGreaterThanOrEqual(0.99);
  }, 60_000);
});

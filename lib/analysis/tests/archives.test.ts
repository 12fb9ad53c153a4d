// GitHub Actions log archives: the three layouts, folding of the job file into its step files, and the
// real corpus archive; zips arriving on stdin/streams are spooled.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeFile, analyzeFiles, analyzeStream } from "../analyze";
import { planArchive } from "../ci/gha-archive";
import { makeZip } from "./helpers";

const ts = (s: number) => `2026-11-20T22:06:${String(36 + s).padStart(2, "0")}.0000000Z`;
const buildSteps = {
  "build/1_Run go version.txt": [`${ts(0)} ##[group]Run go version`, `${ts(0)} ##[endgroup]`, `${ts(0)} go version go1.19.8 linux/amd64`].join("\n") + "\n",
  "build/2_Run go build ._....txt": [
    `${ts(1)} ##[group]Run go build ./...`,
    `${ts(1)} ##[endgroup]`,
    `${ts(1)} # example.com/catalog-svc`,
    `${ts(1)} ./main.go:12:20: undefined: greet.Goodbye`,
    `${ts(2)} ##[error]Process completed with exit code 2.`,
  ].join("\n") + "\n",
};
const jobFile = Object.values(buildSteps).join("");
const dir = mkdtempSync(join(tmpdir(), "faultline-zip-"));
const write = (name: string, zip: Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, zip);
  return p;
};
const brief = (r: Awaited<ReturnType<typeof analyzeFile>>) => r.events.map((e) => `${e.class}@${e.file}:${e.line}`);

describe("archive layouts", () => {
  it("step files plus job file: events come from the step files only", async () => {
    const r = await analyzeFile(write("steps.zip", makeZip({ ...buildSteps, "1_build.txt": jobFile })));
    expect(r.format).toBe("github-actions-archive");
    expect(brief(r)).toEqual(["compile_error@build/2_Run go build ._....txt:4", "process_exit@build/2_Run go build ._....txt:5"]);
    expect(r.rootCause).toMatchObject({ class: "compile_error", line: 4, file: "build/2_Run go build ._....txt" });
    expect(r.events[0]).toMatchObject({ step: "Run go build ./...", timestamp: ts(1) });
    expect(r.steps?.map((s) => [s.file, s.name, s.failed ?? false])).toEqual([
      ["build/1_Run go version.txt", "Run go version", false],
      ["build/2_Run go build ._....txt", "Run go build ./...", true],
    ]);
  });

  it("job files only (one per job) and the legacy -2147483648 name still report events", async () => {
    const jobsOnly = await analyzeFile(write("jobs.zip", makeZip({ "1_build.txt": jobFile, "2_lint.txt": "fatal: repository 'http://h/x.git/' not found\n" }, false)));
    expect(brief(jobsOnly)).toEqual(["compile_error@1_build.txt:7", "process_exit@1_build.txt:8", "not_found@2_lint.txt:1"]);
    const legacy = await analyzeFile(write("legacy.zip", makeZip({ "-2147483648_build.txt": jobFile })));
    expect(brief(legacy)).toEqual(["compile_error@-2147483648_build.txt:7", "process_exit@-2147483648_build.txt:8"]);
  });

  it("a job-file event missing from the step files is kept", async () => {
    const r = await analyzeFile(write("extra.zip", makeZip({ ...buildSteps, "1_build.txt": jobFile + `${ts(3)} ##[group]Post job cleanup.\n${ts(3)} Killed\n` })));
    expect(brief(r)).toContain("out_of_memory@1_build.txt:10");
    expect(r.events.filter((e) => e.file === "1_build.txt")).toHaveLength(1);
  });

  it("members are read job by job, steps in numeric order", () => {
    const plan = planArchive(["b/10_Run z.txt", "2_b.txt", "a/1_Run x.txt", "b/2_Run y.txt", "1_a.txt"]);
    expect(plan.map((m) => m.name)).toEqual(["a/1_Run x.txt", "1_a.txt", "b/2_Run y.txt", "b/10_Run z.txt", "2_b.txt"]);
  });

  it("a zip on a stream is spooled and analysed", async () => {
    const zip = makeZip({ ...buildSteps, "1_build.txt": jobFile });
    const r = await analyzeStream([zip] as unknown as AsyncIterable<Uint8Array>);
    expect(brief(r)).toEqual(["compile_error@build/2_Run go build ._....txt:4", "process_exit@build/2_Run go build ._....txt:5"]);
  });

  it("several files uploaded together carry their file names", async () => {
    const a = join(dir, "a.log");
    const b = join(dir, "b.log");
    writeFileSync(a, "ok\n");
    writeFileSync(b, "npm error code E404\n");
    const r = await analyzeFiles([a, b]);
    expect(brief(r)).toEqual(["not_found@b.log:1"]);
    expect(r.rootCause?.file).toBe("b.log");
  });

  const corpusZip = join(__dirname, "../../../../shared/corpus/gha-logs-catalog.zip");
  it.skipIf(!existsSync(corpusZip))("the real corpus archive matches its label", async () => {
    const r = await analyzeFile(corpusZip);
    const label = JSON.parse(readFileSync(`${corpusZip}.expected.json`, "utf8")) as { events: { class: string; line: number; file: string; repeat_of?: string }[] };
    const wanted = label.events.filter((e) => e.repeat_of === undefined).map((e) => `${e.class}@${e.file}:${e.line}`);
    expect(brief(r).sort()).toEqual(wanted.sort());
    expect(r.rootCause).toMatchObject({ line: 4, file: "build/3_Run go build ._....txt" });
  });
});

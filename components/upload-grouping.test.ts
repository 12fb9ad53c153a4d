import { describe, expect, it } from "vitest";
import { describeFiles, guessGrouping } from "./upload-grouping";

describe("guessGrouping", () => {
  it("takes an strace -ff -o prefix set as one upload", () => {
    expect(guessGrouping(["trace.23781", "trace.23782", "trace.23783"])).toEqual({ together: true, reason: "one strace -ff set (trace.<pid>)" });
    expect(guessGrouping(["out.strace.9", "out.strace.10"]).together).toBe(true);
  });

  it("takes a job's split logs as one upload", () => {
    expect(guessGrouping(["build.log.1", "build.log.2"])).toEqual({ together: true, reason: "one log in numbered parts (build.log.N)" });
    expect(guessGrouping(["job-part-1.log", "job-part-2.log", "job-part-3.log"])).toEqual({ together: true, reason: "one log in numbered parts (job-part-N.log)" });
    expect(guessGrouping(["ci.part01.txt.gz", "ci.part02.txt.gz"]).together).toBe(true);
    expect(guessGrouping(["1_Set up job.txt", "2_Run actions_checkout@v4.txt", "3_Run go build.txt"])).toEqual({ together: true, reason: "the step logs of one CI job" });
  });

  it("keeps unrelated logs apart", () => {
    for (const names of [
      ["go-proxy-403.log", "go-proxy-404.log"], // numbers in names, but two different failures
      ["trace.23781", "other.23782"], // two prefixes
      ["trace.23781", "trace.23782", "pasted.log"], // the set plus something else
      ["build.log", "test.log"],
      ["job-part-1.log", "job-part-2.txt"], // different extensions
      ["a.log.1", "a.log.1"], // the same file twice
      ["trace.23781"],
      [],
    ]) {
      expect(guessGrouping(names), names.join(" ")).toEqual({ together: false, reason: null });
    }
  });
});

describe("describeFiles", () => {
  it("names up to three files and counts the rest", () => {
    expect(describeFiles(["a"])).toBe("a");
    expect(describeFiles(["a", "b"])).toBe("a and b");
    expect(describeFiles(["a", "b", "c"])).toBe("a, b and c");
    expect(describeFiles(["a", "b", "c", "d", "e"])).toBe("a, b and 3 more files");
  });
});

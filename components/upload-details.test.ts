import { describe, expect, it } from "vitest";
import { checkDetails, filledDetails, NO_DETAILS, summarizeDetails } from "./upload-details";

describe("upload details", () => {
  it("sends only what was filled in, trimmed", () => {
    expect(filledDetails({ ...NO_DETAILS, repo: " acme/api ", branch: "  " })).toEqual({ repo: "acme/api" });
    expect(filledDetails(NO_DETAILS)).toEqual({});
  });

  it("accepts empty and well-formed details", () => {
    expect(checkDetails(NO_DETAILS)).toEqual({});
    expect(
      checkDetails({ repo: "acme/edge", branch: "release/1.2", commitSha: "3F2C1A9B0D4E5F60718293A4B5C6D7E8F9012345", runUrl: "https://ci.example.com/acme/edge/runs/42?attempt=2" }),
    ).toEqual({});
    expect(checkDetails({ ...NO_DETAILS, commitSha: "3f2c1a9", runUrl: "http://jenkins.internal:8080/job/edge/42/" })).toEqual({});
  });

  it("names the field that is wrong and why", () => {
    const errors = checkDetails({ repo: "x".repeat(301), branch: "main", commitSha: "HEAD~1", runUrl: "ci.example.com/runs/42" });
    expect(Object.keys(errors).sort()).toEqual(["commitSha", "repo", "runUrl"]);
    expect(errors.repo).toBe("at most 300 characters");
    expect(errors.commitSha).toMatch(/hexadecimal/);
    expect(errors.runUrl).toMatch(/https:\/\//);
    expect(checkDetails({ ...NO_DETAILS, runUrl: "javascript:alert(1)" }).runUrl).toBeDefined();
    expect(checkDetails({ ...NO_DETAILS, commitSha: "abc12" }).commitSha).toBeDefined();
  });

  it("summarizes an upload's details in one line", () => {
    expect(summarizeDetails({ repo: "acme/edge", branch: "main", commitSha: "3f2c1a9b0d4e" })).toBe("acme/edge · main · 3f2c1a9");
    expect(summarizeDetails({ runUrl: "https://ci.example.com/1" })).toBe("");
  });
});

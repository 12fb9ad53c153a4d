// Path resolutions the analyzer reports for the corpus traces, split for drawing.
import { describe, expect, it } from "vitest";
import { orderResolutions, pathSegments } from "./path-resolution-data";

describe("pathSegments", () => {
  it("a relative path resolved against the cwd: make's missing config/ directory", () => {
    const r = { path: "config/release-manifest.ini", resolved: "/srv/ci/dev/firmware-pack/config/release-manifest.ini", cwd: "/srv/ci/dev/firmware-pack", existingPrefix: "/srv/ci/dev/firmware-pack", missingComponent: "config", pid: 22882, line: 812 };
    expect(pathSegments(r)).toEqual({ existing: "/srv/ci/dev/firmware-pack/", missing: "config", rest: "/release-manifest.ini" });
  });

  it("the last component missing, a prefix of the root, and no resolution at all", () => {
    expect(pathSegments({ resolved: "/srv/ci/dev/report-svc/config.yaml", existingPrefix: "/srv/ci/dev/report-svc", missingComponent: "config.yaml" })).toEqual({
      existing: "/srv/ci/dev/report-svc/",
      missing: "config.yaml",
      rest: "",
    });
    expect(pathSegments({ resolved: "/etc/edge/healthcheck.conf", existingPrefix: "/", missingComponent: "etc" })).toEqual({ existing: "/", missing: "etc", rest: "/edge/healthcheck.conf" });
    expect(pathSegments({ resolved: "/a/b" })).toEqual({ existing: "", missing: "", rest: "/a/b" });
  });
});

describe("orderResolutions", () => {
  it("puts the root cause's path first", () => {
    const a = { path: "/etc/app/config.yaml", resolved: "/etc/app/config.yaml", line: 393, pid: 23149 };
    const b = { path: "./config.yaml", resolved: "/srv/ci/dev/report-svc/config.yaml", line: 395, pid: 23149 };
    expect(orderResolutions([a, b], { pid: 23149, line: 395 })).toEqual([b, a]);
    expect(orderResolutions([a, b], null)).toEqual([a, b]);
  });
});

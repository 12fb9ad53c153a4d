// Where a failed path broke: relative paths resolved against the process's cwd, and the first
// component the trace does not show to exist.
import { describe, expect, it } from "vitest";
import { PathKnowledge, resolvePath } from "../paths";
import { analyzeTrace } from "./run-trace";

describe("resolvePath", () => {
  it("normalises lexically against a base directory", () => {
    expect(resolvePath("/srv/app", "./config.yaml")).toBe("/srv/app/config.yaml");
    expect(resolvePath("/srv/app", "../shared/go.mod")).toBe("/srv/shared/go.mod");
    expect(resolvePath(undefined, "/a//b/./c/")).toBe("/a/b/c");
    expect(resolvePath(undefined, "/etc/x")).toBe("/etc/x");
    expect(resolvePath(undefined, "rel/x")).toBeUndefined();
  });
});

describe("PathKnowledge.explain", () => {
  it("names the deepest existing prefix and the first component after it", () => {
    const k = new PathKnowledge();
    k.noteExists("/srv/ci/dev/pricing-engine/go.mod");
    const r = k.explain("/srv/ci/dev/shared-models/go.mod", "/srv/ci/dev/shared-models/go.mod", undefined, 1, 7, true);
    expect(r).toMatchObject({ existingPrefix: "/srv/ci/dev", missingComponent: "shared-models", line: 7, pid: 1 });
  });

  it("reports nothing missing for a path that exists but was refused", () => {
    const k = new PathKnowledge();
    k.noteExists("/root/x");
    expect(k.explain("/root/x", "/root/x", undefined, undefined, 1, false).missingComponent).toBeUndefined();
  });
});

describe("cwd tracking in a trace", () => {
  it("resolves through chdir and the -y AT_FDCWD decoration", () => {
    const r = analyzeTrace(`
      22879 22:03:32.740570 chdir("/srv/ci/dev/firmware-pack") = 0 <0.000006>
      22879 22:03:32.740600 openat(AT_FDCWD, "config/release-manifest.ini", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000010>
      22879 22:03:32.740610 write(2<pipe:[60096]>, "cat: config/release-manifest.ini: No such file or directory\\n", 60) = 60
      22879 22:03:32.740778 +++ exited with 1 +++
    `);
    expect(r.events[0].fields).toMatchObject({ path: "config/release-manifest.ini", resolved: "/srv/ci/dev/firmware-pack/config/release-manifest.ini", missing_component: "config" });
    expect(r.strace?.pathResolutions[0]).toMatchObject({
      path: "config/release-manifest.ini",
      resolved: "/srv/ci/dev/firmware-pack/config/release-manifest.ini",
      cwd: "/srv/ci/dev/firmware-pack",
      existingPrefix: "/srv/ci/dev/firmware-pack",
      missingComponent: "config",
    });
  });

  it("follows fchdir, getcwd and a cwd inherited across fork, and uses lookups seen before", () => {
    const r = analyzeTrace(`
      10 10:00:00.000001 getcwd("/home/u/proj", 4096) = 14
      10 10:00:00.000002 openat(AT_FDCWD, "build", O_RDONLY|O_DIRECTORY) = 3
      10 10:00:00.000003 fchdir(3) = 0
      10 10:00:00.000004 newfstatat(AT_FDCWD, "gen", {st_mode=S_IFDIR|0755, st_size=4096, ...}, 0) = 0
      10 10:00:00.000005 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 11
      11 10:00:00.000006 openat(AT_FDCWD, "gen/proto/api.pb", O_RDONLY) = -1 ENOENT (No such file or directory)
      11 10:00:00.000007 write(2, "protoc: gen/proto/api.pb: No such file or directory\\n", 52) = 52
      11 10:00:00.000008 +++ exited with 1 +++
    `);
    const e = r.events.find((x) => x.class === "enoent");
    expect(e?.fields).toMatchObject({ resolved: "/home/u/proj/build/gen/proto/api.pb", missing_component: "proto" });
    expect(r.strace?.pathResolutions[0].existingPrefix).toBe("/home/u/proj/build/gen");
  });

  it("resolves dirfd-relative lookups through the fd's -y path", () => {
    const r = analyzeTrace(`
      5 10:00:00.000001 openat(3</srv/data>, "shards/07.idx", O_RDONLY) = -1 ENOENT (No such file or directory)
      5 10:00:00.000002 write(2</dev/pts/1>, "error: /srv/data/shards/07.idx: No such file or directory\\n", 58) = 58
      5 10:00:00.000003 +++ exited with 1 +++
    `);
    expect(r.events[0].fields).toMatchObject({ path: "shards/07.idx", resolved: "/srv/data/shards/07.idx", missing_component: "shards" });
  });
});

// npm, yarn/pnpm, Node.js runtime and JavaScript test runners.
import { describe, expect, it } from "vitest";
import { analyze, classesAt, onlyEvent } from "./helpers";

const npm = (...lines: string[]) => lines.map((l) => `npm error ${l}`).join("\n") + "\n";

describe("npm error blocks", () => {
  it("E404: one event at the code line, fields from the block", async () => {
    const e = await onlyEvent(
      npm(
        "code E404",
        "404 Not Found - GET http://127.0.0.1:18181/@madeup-scope%2fwidget-kit",
        "404",
        "404  The requested resource '@madeup-scope/widget-kit@^2.1.0' could not be found or you do not have permission to access it.",
        "A complete log of this run can be found in: /srv/ci/home/dev/.npm/_logs/2026-11-20T21_54_36_613Z-debug-0.log",
      ),
    );
    expect(e).toMatchObject({ class: "not_found", line: 1, endLine: 5 });
    expect(e.fields).toMatchObject({ code: "E404", status: 404, url: "http://127.0.0.1:18181/@madeup-scope%2fwidget-kit", package: "@madeup-scope/widget-kit@^2.1.0" });
  });

  it.each([
    ["E401", "http_401"],
    ["E403", "http_403"],
    ["ETARGET", "not_found"],
    ["E429", "rate_limited"],
    ["ERESOLVE", "version_conflict"],
    ["EACCES", "permission_denied"],
    ["ENOSPC", "disk_full"],
    ["ECONNREFUSED", "connection_refused"],
    ["ENOTFOUND", "dns_failure"],
    ["ETIMEDOUT", "timeout"],
    ["SELF_SIGNED_CERT_IN_CHAIN", "tls_error"],
    ["ELIFECYCLE", "process_exit"],
  ])("code %s is %s", async (code, cls) => {
    expect((await onlyEvent(npm(`code ${code}`, "something"))).class).toBe(cls);
  });

  it("old npm (`npm ERR!`) and numeric run-script codes", async () => {
    const e = await onlyEvent("npm ERR! code 1\nnpm ERR! path /srv/app\nnpm ERR! command failed\nnpm ERR! command sh -c jest\n");
    expect(e).toMatchObject({ class: "process_exit", fields: { exit_code: 1, command: "sh -c jest" } });
  });

  it("unknown codes and E500 are not classified", async () => {
    expect(await classesAt(npm("code E500", "500 Internal Server Error - GET http://r/x"))).toEqual([]);
  });

  it("EACCES keeps syscall, path and errno exactly as npm prints them", async () => {
    const e = await onlyEvent(npm("code EACCES", "syscall mkdir", "path /srv/ci/dev/release-notes/node_modules", "errno -13", "Error: EACCES: permission denied, mkdir '/srv/ci/dev/release-notes/node_modules'", "  errno: -13,"));
    expect(e.fields).toMatchObject({ code: "EACCES", syscall: "mkdir", path: "/srv/ci/dev/release-notes/node_modules", errno: "-13" });
  });

  it("ENOTFOUND names url and host", async () => {
    const e = await onlyEvent(npm("code ENOTFOUND", "syscall getaddrinfo", "errno ENOTFOUND", "network request to https://npm-mirror.build.acme-corp.net/@acme%2flogger failed, reason: getaddrinfo ENOTFOUND npm-mirror.build.acme-corp.net"));
    expect(e.fields).toMatchObject({ url: "https://npm-mirror.build.acme-corp.net/@acme%2flogger", host: "npm-mirror.build.acme-corp.net" });
  });

  it("EINTEGRITY after `seems to be corrupted` warnings folds into the first warning", async () => {
    const warn = "npm warn tarball tarball data for acme-utils@http://127.0.0.1:18181/acme-utils/-/acme-utils-2.0.0.tgz (sha512-kELH==) seems to be corrupted. Trying again.";
    const r = await analyze(`${warn}\n${warn}\n${npm("code EINTEGRITY", "sha512-kELH== integrity checksum failed when using sha512: wanted sha512-kELH== but got sha512-kYLH==. (274 bytes)")}`);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ class: "checksum_mismatch", line: 1, count: 3, repeatLines: [2, 3] });
    expect(r.events[0].fields).toMatchObject({ package: "acme-utils", url: "http://127.0.0.1:18181/acme-utils/-/acme-utils-2.0.0.tgz", severity: "warning", actual_integrity: "sha512-kYLH==" });
  });

  it("http-level 404 trace is the first statement; the update notifier's 404 is benign", async () => {
    const r = await analyze(
      "npm http fetch GET 404 http://127.0.0.1:18181/npm 4ms (cache skip)\nnpm http fetch GET 404 http://127.0.0.1:18181/left-padz 20ms (cache skip)\n" +
        npm("code E404", "404 Not Found - GET http://127.0.0.1:18181/left-padz"),
    );
    expect(r.events.map((e) => [e.class, e.line, e.count])).toEqual([["not_found", 2, 2]]);
  });

  it("pnpm and yarn", async () => {
    expect((await onlyEvent(" ERR_PNPM_FETCH_404  GET https://registry.npmjs.org/nope: Not Found - 404\n")).class).toBe("not_found");
    expect((await onlyEvent('error An unexpected error occurred: "https://registry.yarnpkg.com/nope: Request failed \\"404 Not Found\\"".\n')).class).toBe("not_found");
  });
});

describe("node runtime", () => {
  it("system error with its property block", async () => {
    const e = await onlyEvent(
      "node:fs:448\n    return binding.readFileUtf8(path, stringToFlags(options.flag));\n                   ^\n\nError: ENOENT: no such file or directory, open 'config/production.json'\n    at Object.readFileSync (node:fs:448:20)\n    at node:internal/main/run_main_module:28:49 {\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'open',\n  path: 'config/production.json'\n}\n\nNode.js v20.20.2\n",
    );
    expect(e).toMatchObject({ class: "enoent", line: 5, endLine: 12, fields: { errno: "ENOENT", syscall: "open", path: "config/production.json" } });
  });

  it("ENOSPC without a path", async () => {
    expect((await onlyEvent("Error: ENOSPC: no space left on device, write\n    at Object.writeSync (node:fs:933:3) {\n  syscall: 'write',\n  code: 'ENOSPC'\n}\n")).fields).toMatchObject({ errno: "ENOSPC", syscall: "write" });
  });

  it("file watcher limit is not a full disk", async () => {
    expect(await classesAt("Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'\n")).toEqual([]);
  });

  it("heap out of memory", async () => {
    const e = await onlyEvent("<--- JS stacktrace --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]\n");
    expect(e).toMatchObject({ class: "out_of_memory", line: 3, fields: { detail: "JavaScript heap out of memory" } });
  });

  it("socket errors", async () => {
    expect((await onlyEvent("Error: connect ECONNREFUSED 127.0.0.1:5432\n    at TCPConnectWrap.afterConnect (node:net:1611:16)\n")).fields).toMatchObject({ host: "127.0.0.1", port: 5432 });
    expect((await onlyEvent("Error: getaddrinfo ENOTFOUND db.internal\n")).fields).toMatchObject({ host: "db.internal" });
  });
});

describe("test runners", () => {
  it("TAP `not ok` with YAML location relative to the project", async () => {
    const e = await onlyEvent(
      "> slugger@1.0.0 test\n> node --test test/\n\nnot ok 2 - strips punctuation\n  ---\n  duration_ms: 1.16\n  location: '/srv/ci/dev/slugger/test/slug.test.js:9:1'\n  failureType: 'testCodeFailure'\n  error: |-\n    Expected values to be strictly equal:\n    \n  ...\n1..2\n# fail 1\n",
    );
    expect(e).toMatchObject({ class: "test_failure", line: 4, count: 2, fields: { test: "strips punctuation", location: "test/slug.test.js:9:1" } });
  });

  it("`not ok ... # TODO` and passing tests are not failures; a parent that only reports failed subtests folds away", async () => {
    expect(await classesAt("ok 1 - works\nnot ok 2 - later # TODO not written yet\n")).toEqual([]);
    const r = await analyze("    not ok 1 - inner\n      ---\n      failureType: 'testCodeFailure'\n      ...\nnot ok 1 - outer\n  ---\n  failureType: 'subtestsFailed'\n  ...\n");
    expect(r.events.map((e) => e.fields.test)).toEqual(["inner"]);
  });

  it("jest, pytest, cargo, gradle, surefire", async () => {
    expect((await onlyEvent("FAIL src/sum.test.js\n  ● sum › adds numbers\n")).class).toBe("test_failure");
    expect((await onlyEvent("FAILED tests/test_api.py::test_login - assert 401 == 200\n")).fields.test).toBe("tests/test_api.py::test_login");
    expect((await onlyEvent("test tests::it_fails ... FAILED\n")).fields.test).toBe("tests::it_fails");
    expect((await onlyEvent("com.acme.FooTest > bar() FAILED\n")).fields).toMatchObject({ class_name: "com.acme.FooTest", test: "bar()" });
    expect((await onlyEvent("[ERROR] testBar(com.acme.FooTest)  Time elapsed: 0.01 s  <<< FAILURE!\n")).fields).toMatchObject({ test: "testBar", class_name: "com.acme.FooTest" });
  });

  it("summaries with zero failures are not failures", async () => {
    expect(await classesAt("# tests 3\n# pass 3\n# fail 0\nTests: 0 failed, 3 passed\n0 errors, 0 warnings\n")).toEqual([]);
  });
});

// Go toolchain rules, with real lines from the corpus and from real go runs, and near misses.
import { describe, expect, it } from "vitest";
import { analyze, classesAt, onlyEvent } from "./helpers";

describe("go modules", () => {
  it("checksum mismatch with the downloaded/go.sum continuation", async () => {
    const e = await onlyEvent(
      [
        "go: downloading github.com/acme/greet v1.0.0",
        "verifying github.com/acme/greet@v1.0.0: checksum mismatch",
        "\tdownloaded: h1:uh92WrMKgmS9IYA+hB2eiMdKSK8LBc6orZjCv6GSsAI=",
        "\tgo.sum:     h1:Zq92WrMKgmS9IYA+hB2eiMdKSK8LBc6orZjCv6GSsAI=",
        "",
        "SECURITY ERROR",
        "This download does NOT match an earlier download recorded in go.sum.",
      ].join("\n"),
    );
    expect(e).toMatchObject({ class: "checksum_mismatch", line: 2, endLine: 7, ruleId: "go.checksum-mismatch" });
    expect(e.fields).toMatchObject({
      module: "github.com/acme/greet",
      version: "v1.0.0",
      downloaded: "h1:uh92WrMKgmS9IYA+hB2eiMdKSK8LBc6orZjCv6GSsAI=",
      go_sum: "h1:Zq92WrMKgmS9IYA+hB2eiMdKSK8LBc6orZjCv6GSsAI=",
    });
    expect(e.fields.sumdb_name).toBeUndefined();
  });

  it("checksum mismatch against the checksum database and for go.mod files", async () => {
    const e = await onlyEvent("go: github.com/x/y@v1.2.3: verifying module: checksum mismatch\n\tdownloaded: h1:aaa=\n\tsum.golang.org: h1:bbb=\n");
    expect(e.fields).toMatchObject({ module: "github.com/x/y", version: "v1.2.3", downloaded: "h1:aaa=", sumdb: "h1:bbb=" });
    expect((await onlyEvent("verifying github.com/x/y@v1.2.3/go.mod: checksum mismatch\n")).fields.version).toBe("v1.2.3");
  });

  it("a test named after a checksum mismatch is not one", async () => {
    expect(await classesAt("=== RUN   TestChecksumMismatch\n--- PASS: TestChecksumMismatch (0.00s)\n    ok: reports checksum mismatch as expected\nok  \texample.com/x\t0.01s\n")).toEqual([]);
  });

  it("module cache modified (go mod verify)", async () => {
    const e = await onlyEvent("github.com/acme/greet v1.1.0: dir has been modified (/srv/ci/home/dev/go/pkg/mod/github.com/acme/greet@v1.1.0)\n");
    expect(e).toMatchObject({ class: "checksum_mismatch", fields: { module: "github.com/acme/greet", version: "v1.1.0", path: "/srv/ci/home/dev/go/pkg/mod/github.com/acme/greet@v1.1.0" } });
  });

  it("missing go.sum entry, not a compile error", async () => {
    const e = await onlyEvent("main.go:6:2: missing go.sum entry for module providing package github.com/acme/strutil (imported by example.com/textsvc); to add:\n\tgo get example.com/textsvc\n");
    expect(e).toMatchObject({ class: "missing_checksum_entry", fields: { package: "github.com/acme/strutil" } });
  });

  it("module path mismatch spans the declared/required lines", async () => {
    const e = await onlyEvent("go: github.com/acme/oldname@v1.0.0: parsing go.mod:\n\tmodule declares its path as: github.com/acme/newname\n\t        but was required as: github.com/acme/oldname\n");
    expect(e).toMatchObject({ class: "module_path_mismatch", line: 1, endLine: 3 });
    expect(e.fields).toMatchObject({ module: "github.com/acme/oldname", version: "v1.0.0", declared: "github.com/acme/newname", required: "github.com/acme/oldname" });
  });

  it("other go.mod parse errors are not path mismatches", async () => {
    expect(await classesAt("go: github.com/acme/x@v1.0.0: parsing go.mod:\n\tgo.mod:3: unknown directive: foo\n")).toEqual([]);
  });

  it.each([
    ["403 Forbidden", "http_403", 403],
    ["404 Not Found", "not_found", 404],
    ["410 Gone", "not_found", 410],
    ["401 Unauthorized", "http_401", 401],
    ["429 Too Many Requests", "rate_limited", 429],
  ])("proxy answer %s", async (answer, cls, status) => {
    const e = await onlyEvent(`go: github.com/acme/blocked@v0.1.0: reading http://127.0.0.1:18081/github.com/acme/blocked/@v/v0.1.0.info: ${answer}\n`);
    expect(e).toMatchObject({ class: cls, fields: { module: "github.com/acme/blocked", version: "v0.1.0", url: "http://127.0.0.1:18081/github.com/acme/blocked/@v/v0.1.0.info", status } });
  });

  it("a 500 from the proxy has no class and is not reported", async () => {
    expect(await classesAt("go: github.com/a/b@v1.0.0: reading https://proxy.example/github.com/a/b/@v/v1.0.0.zip: 500 Internal Server Error\n")).toEqual([]);
  });

  it("go -x fetch traces: the sumdb /supported probe is benign, other 404s fold with go's own line", async () => {
    const r = await analyze(
      [
        "# get http://127.0.0.1:18081/sumdb/sum.golang.org/supported: 404 Not Found (0.001s)",
        "# get http://127.0.0.1:18081/github.com/acme/greet/@v/v1.2.0.mod: 404 Not Found (0.001s)",
        "go: github.com/acme/greet@v1.2.0: reading http://127.0.0.1:18081/github.com/acme/greet/@v/v1.2.0.mod: 404 Not Found",
      ].join("\n"),
    );
    expect(r.events.map((e) => [e.class, e.line, e.count])).toEqual([["not_found", 2, 2]]);
    expect(r.events[0].repeatLines).toEqual([3]);
  });

  it("unknown revision keeps module, version and revision", async () => {
    const e = await onlyEvent("go: github.com/acme/greet@v9.9.9: invalid version: unknown revision v9.9.9\n");
    expect(e).toMatchObject({ class: "not_found", fields: { module: "github.com/acme/greet", version: "v9.9.9", revision: "v9.9.9" } });
  });

  it("go version requirement", async () => {
    const e = await onlyEvent("go: go.mod requires go >= 1.23.4 (running go 1.22.12; GOTOOLCHAIN=local)\n");
    expect(e).toMatchObject({ class: "version_conflict", fields: { required_go: "1.23.4", running_go: "1.22.12" } });
    expect((await onlyEvent("go: download go1.23.4 for linux/amd64: toolchain not available\n")).class).toBe("version_conflict");
  });

  it("compile errors carry file, line and message", async () => {
    const r = await analyze('# example.com/order-router\n./main.go:5:2: imported and not used: "os"\n./route.go:4:9: cannot use id (variable of type string) as type int in return statement\n');
    expect(r.events.map((e) => e.fields)).toEqual([
      { file: "./main.go", lineno: 5, col: 2, message: 'imported and not used: "os"' },
      { file: "./route.go", lineno: 4, col: 9, message: "cannot use id (variable of type string) as type int in return statement" },
    ]);
  });

  it("go test: the failing test with its assertion, `FAIL pkg` folds in and names the package", async () => {
    const r = await analyze(
      "?   \texample.com/tax-calc\t[no test files]\n--- FAIL: TestVATFrance (0.00s)\n    rates_test.go:13: VAT(FR) = 21, want 20\nFAIL\nFAIL\texample.com/tax-calc/rates\t0.007s\nFAIL\n",
    );
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ class: "test_failure", line: 2, count: 2, repeatLines: [5] });
    expect(r.events[0].fields).toMatchObject({ test: "TestVATFrance", assertion: "rates_test.go:13", package: "example.com/tax-calc/rates" });
  });

  it("`ok` packages and `--- PASS` are not failures", async () => {
    expect(await classesAt("--- PASS: TestA (0.00s)\nok  \texample.com/a\t0.01s\nPASS\n")).toEqual([]);
  });

  it("a failed VCS command is an exit status, the prompt error below is the cause", async () => {
    const r = await analyze(
      "go: github.com/acme-corp/billing-internal@v1.2.0: reading github.com/acme-corp/billing-internal/go.mod at revision v1.2.0: git ls-remote -q origin in /srv/ci/home/dev/go/pkg/mod/cache/vcs/4905b9c5: exit status 128:\n\tfatal: could not read Username for 'http://127.0.0.1:18090': terminal prompts disabled\n",
    );
    expect(r.events.map((e) => [e.class, e.line])).toEqual([["process_exit", 1], ["auth_required", 2]]);
    expect(r.events[0].fields).toMatchObject({ exit_code: 128, command: "git ls-remote -q origin" });
    expect(r.events[1].fields).toMatchObject({ url: "http://127.0.0.1:18090", host: "127.0.0.1:18090" });
    expect(r.rootCause).toMatchObject({ class: "auth_required", line: 2 });
  });

  it("path errors: missing file, missing tool, permission", async () => {
    expect((await onlyEvent("go: open /srv/ci/dev/shared-models/go.mod: no such file or directory\n")).fields).toMatchObject({ path: "/srv/ci/dev/shared-models/go.mod" });
    expect((await onlyEvent("go: can't execute /opt/linters/bin/shadow -flags: fork/exec /opt/linters/bin/shadow: no such file or directory\n")).fields.path).toBe("/opt/linters/bin/shadow");
    const e = await onlyEvent("go build example.com/invoice-pdf: copying /tmp/go-build1699234821/b001/exe/a.out: open dist/invoice-pdf: permission denied\n");
    expect(e).toMatchObject({ class: "permission_denied", fields: { path: "dist/invoice-pdf", syscall: "open", package: "example.com/invoice-pdf" } });
  });
});

describe("network errors printed by Go programs", () => {
  const prefix = 'go: github.com/acme/greet@v1.1.0: Get "http://127.0.0.1:18099/github.com/acme/greet/@v/v1.1.0.mod": ';
  it("connection refused keeps the dialled address", async () => {
    const e = await onlyEvent(`${prefix}dial tcp 127.0.0.1:18099: connect: connection refused\n`);
    expect(e).toMatchObject({ class: "connection_refused", fields: { host: "127.0.0.1:18099", module: "github.com/acme/greet", url: "http://127.0.0.1:18099/github.com/acme/greet/@v/v1.1.0.mod" } });
  });
  it("dial timeout", async () => {
    expect((await onlyEvent(`${prefix}dial tcp 127.0.0.1:18092: i/o timeout\n`)).fields).toMatchObject({ detail: "i/o timeout" });
  });
  it("DNS: the looked-up host, not the resolver", async () => {
    const e = await onlyEvent('go: github.com/pkg/errors@v0.9.1: Get "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.mod": dial tcp: lookup proxy.golang.org on 10.255.255.53:53: no such host\n');
    expect(e).toMatchObject({ class: "dns_failure", fields: { host: "proxy.golang.org", version: "v0.9.1" } });
  });
  it("x509 detail stops at the message", async () => {
    const e = await onlyEvent(`${prefix}tls: failed to verify certificate: x509: certificate signed by unknown authority\n`);
    expect(e).toMatchObject({ class: "tls_error", fields: { detail: "x509: certificate signed by unknown authority" } });
  });
});

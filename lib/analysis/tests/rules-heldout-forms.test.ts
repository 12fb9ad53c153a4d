// Message forms first met in the held-out runs (fixtures/heldout), one test per form with the tool's
// real line, so a rule change that loses one fails here and not only in the aggregate score.
import { describe, expect, it } from "vitest";
import { analyze, onlyEvent } from "./helpers";

describe("forms from the held-out runs", () => {
  it("node: child_process spawn of a program that is not on PATH", async () => {
    const e = await onlyEvent("Error: spawn esbuild ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:285:19)\n");
    expect(e).toMatchObject({ class: "enoent", fields: { errno: "ENOENT", code: "ENOENT", syscall: "spawn esbuild", path: "esbuild" } });
  });

  it("node: a refused connect carries node's own address and port", async () => {
    const e = await onlyEvent("  [cause]: Error: connect ECONNREFUSED 127.0.0.1:8089\n");
    expect(e).toMatchObject({ class: "connection_refused", fields: { code: "ECONNREFUSED", address: "127.0.0.1", host: "127.0.0.1", port: 8089 } });
  });

  it("npm: FETCH_ERROR with a network timeout", async () => {
    const e = await onlyEvent("npm error code FETCH_ERROR\nnpm error errno FETCH_ERROR\nnpm error network timeout at: http://127.0.0.1:18401/@acme%2ffeature-flags\n");
    expect(e).toMatchObject({ class: "timeout", fields: { code: "FETCH_ERROR", url: "http://127.0.0.1:18401/@acme%2ffeature-flags" } });
  });

  it("psql: rejected password and a missing database", async () => {
    const pw = await onlyEvent('psql: error: connection to server at "127.0.0.1", port 55442 failed: FATAL:  password authentication failed for user "app"\n');
    expect(pw).toMatchObject({ class: "http_401", fields: { host: "127.0.0.1", port: 55442, user: "app" } });
    const db = await onlyEvent('psql: error: connection to server at "127.0.0.1", port 55442 failed: FATAL:  database "orders_test" does not exist\n');
    expect(db).toMatchObject({ class: "not_found", fields: { database: "orders_test" } });
  });

  it("postgres server log: a health check's password failure as root is not an event; the app's is", async () => {
    const r = await analyze(
      [
        '2026-11-21 03:54:19.563 UTC [29135] FATAL:  password authentication failed for user "root"',
        '2026-11-21 03:54:19.563 UTC [29135] DETAIL:  Role "root" does not exist.',
        '2026-11-21 03:54:19.607 UTC [29137] FATAL:  password authentication failed for user "app"',
      ].join("\n") + "\n",
    );
    expect(r.events.map((e) => `${e.class}@${e.line}`)).toEqual(["http_401@3"]);
  });

  it("unittest -v: the verdict line is the event; the detail block restates it", async () => {
    const r = await analyze(
      [
        "test_germany_reduced (tests.test_rates.RateTests.test_germany_reduced) ... FAIL",
        "test_gross_rounding (tests.test_rates.RateTests.test_gross_rounding) ... ok",
        "",
        "======================================================================",
        "FAIL: test_germany_reduced (tests.test_rates.RateTests.test_germany_reduced)",
        "----------------------------------------------------------------------",
      ].join("\n") + "\n",
    );
    expect(r.events.map((e) => `${e.class}@${e.line}`)).toEqual(["test_failure@1"]);
    expect(r.events[0].count).toBe(2);
  });

  it("make 4: the rule's place is split from its target", async () => {
    const e = await onlyEvent("make: *** [Makefile:8: build/glyphs.o] Error 1\n");
    expect(e.fields).toMatchObject({ target: "build/glyphs.o", makefile: "Makefile", makefile_line: 8, exit_code: 1 });
  });

  it("maven: the URL of the file refused and its status", async () => {
    const e = await onlyEvent(
      "[ERROR] Failed to execute goal on project x: Could not transfer artifact com.acme:ledger-core:pom:2.4.1 from/to central (http://127.0.0.1:18601/repository/maven-public/): authentication failed for http://127.0.0.1:18601/repository/maven-public/com/acme/ledger-core/2.4.1/ledger-core-2.4.1.pom, status: 401 Unauthorized -> [Help 1]\n",
    );
    expect(e).toMatchObject({ class: "http_401", fields: { status: 401, url: "http://127.0.0.1:18601/repository/maven-public/com/acme/ledger-core/2.4.1/ledger-core-2.4.1.pom" } });
  });
});

// Message forms first met in round 3 of the held-out build logs (fixtures/heldout/logs/round3), one test
// per form with the tool's real lines.
import { describe, expect, it } from "vitest";
import { analyze, onlyEvent } from "./helpers";

const at = async (text: string) => (await analyze(text)).events.map((e) => `${e.class}@${e.line}`);

describe("forms from held-out round 3", () => {
  it("tsc: the default (non-pretty) `file(line,col): error TS…` form", async () => {
    const e = await onlyEvent("src/index.ts(12,19): error TS2551: Property 'customer' does not exist on type 'Invoice'. Did you mean 'customerId'?\n");
    expect(e).toMatchObject({ class: "compile_error", fields: { file: "src/index.ts", lineno: 12, col: 19, code: "TS2551" } });
  });

  it("make: no rule to make a prerequisite", async () => {
    const e = await onlyEvent("make[1]: *** No rule to make target 'src/protocol.c', needed by 'build/protocol.o'.  Stop.\n");
    expect(e).toMatchObject({ class: "enoent", fields: { path: "src/protocol.c", target: "build/protocol.o" } });
  });

  it("psql: a syntax error and a missing privilege in a script", async () => {
    const syntax = await onlyEvent('psql:db/migrations/003_shipping.sql:9: ERROR:  syntax error at or near ")"\nLINE 7: );\n        ^\n');
    expect(syntax).toMatchObject({ class: "compile_error", endLine: 3, fields: { file: "db/migrations/003_shipping.sql", lineno: 9, token: ")" } });
    const denied = await onlyEvent("psql:sql/refresh_daily_revenue.sql:8: ERROR:  permission denied for schema public\n");
    expect(denied).toMatchObject({ class: "permission_denied", fields: { object_type: "schema", object: "public" } });
  });

  it("pytest: the progress line and each failure's section; the short summary restates them", async () => {
    const log = [
      "tests/test_pricing.py .FF.F..                                            [100%]",
      "",
      "=================================== FAILURES ===================================",
      "_________________________ test_discount_tiers[10-0.05] _________________________",
      "tests/test_pricing.py:13: AssertionError",
      "____________________________ test_quote_bulk_order _____________________________",
      "tests/test_pricing.py:17: AssertionError",
      "=========================== short test summary info ============================",
      "FAILED tests/test_pricing.py::test_discount_tiers[10-0.05] - AssertionError: assert Decimal('0.00') == Decimal('0.05')",
      "FAILED tests/test_pricing.py::test_quote_bulk_order - AssertionError: assert {'currency': ...al('1799.10')} == {'currency': ...al('1699.15')}",
    ].join("\n");
    expect(await at(`${log}\n`)).toEqual(["test_failure@1", "test_failure@4", "test_failure@6"]);
    const r = await analyze(`${log}\n`);
    expect(r.events[0].fields).toMatchObject({ file: "tests/test_pricing.py", failed: 3 });
    expect(r.events[1].fields).toMatchObject({ test: "test_discount_tiers[10-0.05]", file: "tests/test_pricing.py", lineno: 13 });
  });

  it("mocha: each numbered failing test; the `N failing` count restates them", async () => {
    const log = "  TokenBucket\n    ✔ starts full\n    1) refills fractional seconds\n    burst handling\n      2) keeps partial refill progress between calls\n\n\n  3 passing (13ms)\n  2 failing\n\n  1) TokenBucket\n       refills fractional seconds:\n";
    expect(await at(log)).toEqual(["test_failure@3", "test_failure@5"]);
  });

  it("java: a class missing from the runtime class path, with its Caused by", async () => {
    const e = await onlyEvent(
      'Exception in thread "main" java.lang.NoClassDefFoundError: org/yaml/snakeyaml/Yaml\n\tat com.acme.etl.Main.loadConfig(Main.java:13)\nCaused by: java.lang.ClassNotFoundException: org.yaml.snakeyaml.Yaml\n\tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)\n',
    );
    expect(e).toMatchObject({ class: "not_found", endLine: 4, fields: { exception: "NoClassDefFoundError", class_name: "org.yaml.snakeyaml.Yaml" } });
  });

  it("cargo: a manifest it could not read, the OS error at the end of the Caused-by chain", async () => {
    const e = await onlyEvent(
      "error: failed to load manifest for workspace member `/w/billing/crates/invoice-cli`\nreferenced by workspace at `/w/billing/Cargo.toml`\n\nCaused by:\n  failed to load manifest for dependency `ledger-proto`\n\nCaused by:\n  failed to read `/w/ledger-proto/rust/Cargo.toml`\n\nCaused by:\n  No such file or directory (os error 2)\n",
    );
    expect(e).toMatchObject({ class: "enoent", line: 1, endLine: 11, fields: { path: "/w/ledger-proto/rust/Cargo.toml", os_error: 2 } });
  });

  it("npm: git's own statement relayed in an `npm error` block is its event", async () => {
    const log = "npm error code 128\nnpm error An unknown git error occurred\nnpm error command git --no-replace-objects ls-remote http://127.0.0.1:18802/git/frontend/acme-theme.git\nnpm error fatal: repository 'http://127.0.0.1:18802/git/frontend/acme-theme.git/' not found\n";
    expect(await at(log)).toEqual(["process_exit@1", "not_found@4"]);
    expect((await analyze(log)).rootCause?.line).toBe(4);
  });

  it("tar/gzip: a corrupt archive, then tar giving up; rsync's exit", async () => {
    expect(await at("gzip: stdin: invalid compressed data--crc error\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n")).toEqual([
      "checksum_mismatch@1",
      "process_exit@2",
      "process_exit@3",
    ]);
    const rsync = await onlyEvent("rsync error: unexplained error (code 255) at io.c(285) [sender=3.5.0]\n");
    expect(rsync).toMatchObject({ class: "process_exit", fields: { exit_code: 255 } });
  });

  it("python: a package that refuses the interpreter", async () => {
    const e = await onlyEvent("      RuntimeError: acme-vectors 2.x requires Python 3.12 or newer (this is Python 3.11); pin acme-vectors<2 for older interpreters\n");
    expect(e).toMatchObject({ class: "version_conflict", fields: { required: "3.12 or newer" } });
  });

  it("node: a TLS error's property block belongs to it", async () => {
    const log = "Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: \n    at Object.checkServerIdentity (node:tls:316:12)\n    at ssl.onhandshakedone (node:_tls_wrap:883:12) {\n  code: 'ERR_TLS_CERT_ALTNAME_INVALID',\n  host: '127.0.0.1',\n}\n";
    const e = await onlyEvent(log);
    expect(e).toMatchObject({ class: "tls_error", line: 1, endLine: 6, fields: { host: "127.0.0.1" } });
  });
});

describe("forms from held-out round 4", () => {
  it("psql: a relation that does not exist", async () => {
    const e = await onlyEvent('psql:db/migrations/003_variant_stock.sql:2: ERROR:  relation "product_variants" does not exist\n');
    expect(e).toMatchObject({ class: "not_found", fields: { relation: "product_variants", file: "db/migrations/003_variant_stock.sql", lineno: 2 } });
  });

  it("node: a reset connection (`Error: read ECONNRESET`)", async () => {
    const e = await onlyEvent("Error: read ECONNRESET\n    at TCP.onStreamRead (node:internal/stream_base_commons:218:20)\n");
    expect(e).toMatchObject({ class: "connection_refused", fields: { errno: "ECONNRESET", syscall: "read" } });
  });

  it("python: a module that is not installed", async () => {
    const e = await onlyEvent("ModuleNotFoundError: No module named 'tabulate'\n");
    expect(e).toMatchObject({ class: "not_found", fields: { module: "tabulate" } });
  });

  it("pytest: a test module it could not import", async () => {
    expect(await at("collected 1 item / 1 error\n\n==================================== ERRORS ====================================\n_____________________ ERROR collecting tests/test_sync.py ______________________\n")).toEqual([
      "compile_error@1",
      "compile_error@4",
    ]);
  });
});

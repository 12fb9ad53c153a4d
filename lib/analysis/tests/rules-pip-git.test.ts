// pip / Python and git / ssh rules.
import { describe, expect, it } from "vitest";
import { analyze, classesAt, onlyEvent } from "./helpers";

describe("pip", () => {
  it("resolution failure: `No matching distribution` folds into `Could not find a version`", async () => {
    const r = await analyze("ERROR: Could not find a version that satisfies the requirement requests==2.31.0 (from versions: none)\nERROR: No matching distribution found for requests==2.31.0\n");
    expect(r.events.map((e) => [e.class, e.line, e.count, e.fields.package])).toEqual([["not_found", 1, 2, "requests==2.31.0"]]);
  });

  it("retry warnings fold into one connection_refused with errno and path", async () => {
    const retry = (n: number, addr: string) =>
      `WARNING: Retrying (Retry(total=${n}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPConnection object at ${addr}>: Failed to establish a new connection: [Errno 111] Connection refused')': /simple/requests/`;
    const r = await analyze([retry(4, "0x7f9897effd90"), retry(3, "0x7f9897b38fd0"), retry(2, "0x7f9897b3a010")].join("\n"));
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ class: "connection_refused", count: 3, fields: { errno: "ECONNREFUSED", path: "/simple/requests/" } });
  });

  it.each([
    ["[Errno -2] Name or service not known", "dns_failure"],
    ["[Errno -3] Temporary failure in name resolution", "dns_failure"],
  ])("retry cause %s", async (cause, cls) => {
    const line = `WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'NewConnectionError('<x object at 0x7f>: Failed to establish a new connection: ${cause}')': /simple/six/`;
    expect((await onlyEvent(line)).class).toBe(cls);
  });

  it("retry timeouts and TLS failures", async () => {
    expect((await onlyEvent("WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ConnectTimeoutError(<x object at 0x7f>, 'Connection to 127.0.0.1 timed out. (connect timeout=15)')': /simple/six/")).class).toBe("timeout");
    expect((await onlyEvent("WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)'))': /simple/six/")).class).toBe("tls_error");
  });

  it("hash mismatch reads package, url and both hashes from the indented block", async () => {
    const e = await onlyEvent(
      "ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes.\n    acme-textkit==1.0.0 from http://127.0.0.1:18281/simple/acme-textkit/acme-textkit-1.0.0.tar.gz (from -r requirements.txt (line 1)):\n        Expected sha256 e3e8e7f09418228a539748e24b69c5d983159f9176e3c728259b24efefaef320\n             Got        e3e8e7f09408228a539748e24b69c5d983159f9176e3c728259b24efefaef320\n\n",
    );
    expect(e.fields).toMatchObject({
      package: "acme-textkit",
      version: "1.0.0",
      url: "http://127.0.0.1:18281/simple/acme-textkit/acme-textkit-1.0.0.tar.gz",
      algorithm: "sha256",
      expected: "e3e8e7f09418228a539748e24b69c5d983159f9176e3c728259b24efefaef320",
      got: "e3e8e7f09408228a539748e24b69c5d983159f9176e3c728259b24efefaef320",
    });
  });

  it("missing hashes in --require-hashes mode", async () => {
    const e = await onlyEvent("ERROR: Hashes are required in --require-hashes mode, but they are missing from some requirements.\n    colorama==0.4.6 --hash=sha256:4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6\n");
    expect(e).toMatchObject({ class: "missing_checksum_entry", fields: { package: "colorama", version: "0.4.6", suggested_hash: "sha256:4f1d9991f5acc0ca119f9d443620b77f9d6b33703e51011c16baf57afb285fc6" } });
  });

  it("subprocess box: exit code is an exit, the inner error is the root cause", async () => {
    const r = await analyze(
      "  error: subprocess-exited-with-error\n  \n  × pip subprocess to install build dependencies did not run successfully.\n  │ exit code: 1\n  ╰─> [3 lines of output]\n      ERROR: Could not find a version that satisfies the requirement setuptools>=40.8.0 (from versions: none)\n      [end of output]\n",
    );
    expect(r.events.map((e) => [e.class, e.line, e.endLine])).toEqual([["process_exit", 3, 5], ["not_found", 6, 6]]);
    expect(r.events[0].fields).toMatchObject({ exit_code: 1, command: "pip subprocess to install build dependencies" });
    expect(r.rootCause).toMatchObject({ class: "not_found", line: 6 });
  });

  it("resolver conflicts, installed anyway or refused", async () => {
    const e = await onlyEvent("ERROR: pip's dependency resolver does not currently take into account all the packages that are installed. This behaviour is the source of the following dependency conflicts.\nacme-api 1.2.0 requires requests<2.30, but you have requests 2.31.0 which is incompatible.\n");
    expect(e).toMatchObject({ class: "version_conflict", endLine: 2, fields: { package: "acme-api", requirement: "requests<2.30" } });
    expect((await onlyEvent("ERROR: Cannot install acme-a==1.0 and acme-b==2.0 because these package versions have conflicting dependencies.\n")).class).toBe("version_conflict");
    expect((await onlyEvent("ERROR: Package 'acme' requires a different Python: 3.11.7 not in '<3.9'\n")).fields).toMatchObject({ package: "acme", required_python: "<3.9", running_python: "3.11.7" });
  });

  it("python errno messages", async () => {
    expect((await onlyEvent("ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'missing-reqs.txt'\n")).fields).toMatchObject({ errno: "ENOENT", path: "missing-reqs.txt" });
    expect((await onlyEvent("ConnectionRefusedError: [Errno 111] Connection refused\n")).class).toBe("connection_refused");
  });

  it("`error: subprocess-exited-with-error` alone is not a classified failure", async () => {
    expect(await classesAt("error: subprocess-exited-with-error\n\nnote: This error originates from a subprocess, and is likely not a problem with pip.\n")).toEqual([]);
  });
});

describe("git and ssh", () => {
  it("authentication failed is a 401", async () => {
    expect((await onlyEvent("fatal: Authentication failed for 'http://127.0.0.1:18190/acme-corp/billing-internal.git/'\n")).fields).toEqual({ status: 401, url: "http://127.0.0.1:18190/acme-corp/billing-internal.git/" });
  });

  it("repository not found (http, ssh and local)", async () => {
    expect((await onlyEvent("fatal: repository 'http://127.0.0.1:18190/platform/payments-sdk-v2.git/' not found\n")).fields.url).toBe("http://127.0.0.1:18190/platform/payments-sdk-v2.git/");
    expect((await onlyEvent("ERROR: Repository not found.\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n")).endLine).toBe(5);
    expect((await onlyEvent("fatal: repository '/nonexistent/repo.git' does not exist\n")).fields.path).toBe("/nonexistent/repo.git");
  });

  it("a traced 404 is the first statement; git's fatal line restates it", async () => {
    const r = await analyze("< HTTP/1.1 404 Not Found\n< Content-Type: text/html\nfatal: repository 'http://127.0.0.1:18190/x.git/' not found\n");
    expect(r.events.map((e) => [e.class, e.line, e.count])).toEqual([["not_found", 1, 2]]);
  });

  it("unknown revisions: pathspec, ambiguous argument (not the HEAD side), missing refs", async () => {
    expect(await classesAt("+ git checkout release/2.4\nerror: pathspec 'release/2.4' did not match any file(s) known to git\n")).toEqual(["not_found@2"]);
    const e = await onlyEvent("fatal: ambiguous argument 'v3.0.0..HEAD': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n");
    expect(e).toMatchObject({ line: 1, endLine: 3, fields: { revision: "v3.0.0" } });
    expect((await onlyEvent("fatal: couldn't find remote ref refs/heads/nope\n")).fields.revision).toBe("refs/heads/nope");
  });

  it("bash -x trace lines that mention errors are commands, not failures", async () => {
    expect(await classesAt("+ echo 'connection refused'\n+ grep -q 'permission denied' log.txt\n")).toEqual([]);
  });

  it("ssh transport failures absorb git's follow-up advice", async () => {
    const e = await onlyEvent("Cloning into 'payments-sdk'...\nssh: connect to host 127.0.0.1 port 2222: Connection refused\r\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n");
    expect(e).toMatchObject({ class: "connection_refused", line: 2, endLine: 6, fields: { host: "127.0.0.1", port: 2222 } });
    expect((await onlyEvent("ssh: Could not resolve hostname git.internal: Name or service not known\n")).class).toBe("dns_failure");
    expect((await onlyEvent("git@github.com: Permission denied (publickey).\n")).class).toBe("permission_denied");
  });

  it("curl-level transport errors from git", async () => {
    expect((await onlyEvent("fatal: unable to access 'http://127.0.0.1:1/x.git/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n")).fields).toMatchObject({ host: "127.0.0.1", port: 1, url: "http://127.0.0.1:1/x.git/" });
    expect((await onlyEvent("fatal: unable to access 'https://git.internal/x.git/': Could not resolve host: git.internal\n")).fields.host).toBe("git.internal");
    expect((await onlyEvent("fatal: unable to access 'https://127.0.0.1:18443/x.git/': server certificate verification failed. CAfile: none CRLfile: none\n")).class).toBe("tls_error");
    expect((await onlyEvent("fatal: unable to access 'http://127.0.0.1:18190/x.git/': The requested URL returned error: 403\n")).class).toBe("http_403");
  });
});

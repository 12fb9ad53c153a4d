// Containers, JVM, Rust, PostgreSQL, C toolchains and the generic signals, plus near misses.
import { describe, expect, it } from "vitest";
import { analyze, classesAt, onlyEvent } from "./helpers";

describe("docker and kubernetes image pulls", () => {
  it.each([
    ["Error response from daemon: manifest for acme/api:9.9 not found: manifest unknown: manifest unknown", "not_found"],
    ["Error response from daemon: pull access denied for acme/private, repository does not exist or may require 'docker login': denied: requested access to the resource is denied", "http_403"],
    ["Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading", "rate_limited"],
    ['Error response from daemon: Head "https://registry.acme.dev/v2/api/manifests/1.0": unauthorized: authentication required', "http_401"],
    ["Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?", "connection_refused"],
  ])("%s", async (line, cls) => {
    expect((await onlyEvent(line + "\n")).class).toBe(cls);
  });

  it("kubelet pull failure classified from its reason; later BackOff status folds in", async () => {
    const r = await analyze(
      '  Warning  Failed     12s   kubelet  Failed to pull image "registry.acme.dev/api:9.9": rpc error: code = NotFound desc = failed to pull and unpack image "registry.acme.dev/api:9.9": failed to resolve reference "registry.acme.dev/api:9.9": registry.acme.dev/api:9.9: not found\n  Warning  Failed     12s   kubelet  Error: ErrImagePull\n  Normal   BackOff    1s    kubelet  Back-off pulling image "registry.acme.dev/api:9.9"\n',
    );
    expect(r.events.map((e) => [e.class, e.line, e.count, e.fields.image])).toEqual([["not_found", 1, 3, "registry.acme.dev/api:9.9"]]);
  });

  it("docker build context, kubectl server errors", async () => {
    expect((await onlyEvent('ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref 4b2e::x: "/app.jar": not found\n')).fields).toEqual({ path: "/app.jar" });
    expect((await onlyEvent('Error from server (NotFound): deployments.apps "web" not found\n')).class).toBe("not_found");
    expect((await onlyEvent('Error from server (Forbidden): pods is forbidden: User "ci" cannot list resource "pods"\n')).class).toBe("http_403");
    expect((await onlyEvent("The connection to the server localhost:8080 was refused - did you specify the right host or port?\n")).fields.host).toBe("localhost:8080");
  });

  it("a pod stuck in ImagePullBackOff on its own", async () => {
    expect((await onlyEvent("NAME                   READY   STATUS             RESTARTS   AGE\napi-7d4b9c6f5-x2x8k    0/1     ImagePullBackOff   0          2m\n")).class).toBe("not_found");
  });
});

describe("maven, gradle, javac", () => {
  it("dependency resolution", async () => {
    expect((await onlyEvent("[ERROR] Failed to execute goal on project demo: Could not resolve dependencies for project com.acme:demo:jar:1.0: Could not find artifact com.acme:nosuch-lib:jar:9.9.9 in central (https://repo.maven.apache.org/maven2) -> [Help 1]\n")).fields).toMatchObject({ package: "com.acme:nosuch-lib:jar:9.9.9", url: "https://repo.maven.apache.org/maven2" });
    const e = await onlyEvent("[ERROR] Plugin x could not be resolved: Failed to read artifact descriptor for x: Could not transfer artifact org.apache.maven.plugins:maven-resources-plugin:pom:2.6 from/to central (https://repo.maven.apache.org/maven2): transfer failed for https://repo.maven.apache.org/maven2/x.pom: Unknown host repo.maven.apache.org: Name or service not known -> [Help 1]\n");
    expect(e.class).toBe("dns_failure");
    expect((await onlyEvent("Could not transfer artifact com.acme:lib:pom:1.0 from/to corp (https://nexus.acme.dev/repo): status code: 401, reason phrase: Unauthorized (401)\n")).fields.status).toBe(401);
    expect((await onlyEvent("   > Could not find com.acme:lib:1.0.0.\n")).fields.package).toBe("com.acme:lib:1.0.0");
  });

  it("compiler errors", async () => {
    expect((await onlyEvent("[ERROR] /src/main/java/x/A.java:[1,39] incompatible types: java.lang.String cannot be converted to int\n")).fields).toMatchObject({ file: "/src/main/java/x/A.java", lineno: 1, col: 39 });
    expect((await onlyEvent("src/main/java/x/A.java:12: error: cannot find symbol\n")).class).toBe("compile_error");
    expect((await onlyEvent("e: file:///app/src/Main.kt:10:5 Unresolved reference: foo\n")).fields).toMatchObject({ lineno: 10, col: 5 });
  });

  it("JVM out of memory", async () => {
    expect((await onlyEvent('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space\n')).class).toBe("out_of_memory");
  });
});

describe("rust", () => {
  it("rustc diagnostics with their location", async () => {
    const r = await analyze("error[E0425]: cannot find function `undefined_fn` in this scope\n --> src/main.rs:3:5\n  |\n3 |     undefined_fn();\n  |     ^^^^^^^^^^^^ not found in this scope\n\nerror: could not compile `demo` (bin \"demo\") due to 1 previous error\n");
    expect(r.events.map((e) => [e.class, e.line, e.endLine])).toEqual([["compile_error", 1, 5]]);
    expect(r.events[0].fields).toMatchObject({ code: "E0425", file: "src/main.rs", lineno: 3, col: 5 });
  });

  it("cargo registry errors take their class from the Caused-by chain and fold into the retry warning", async () => {
    const r = await analyze(
      "warning: spurious network error (1 try remaining): [6] Could not resolve hostname (Could not resolve host: index.crates.io)\nerror: failed to get `serde` as a dependency of package `demo v0.1.0 (/tmp/demo)`\n\nCaused by:\n  download of config.json failed\n\nCaused by:\n  [6] Could not resolve hostname (Could not resolve host: index.crates.io)\n",
    );
    expect(r.events.map((e) => [e.class, e.line, e.count])).toEqual([["dns_failure", 1, 2]]);
    expect(r.events[0].fields).toMatchObject({ host: "index.crates.io", package: "serde" });
  });

  it("plain `error:` lines without a source location are not compile errors", async () => {
    expect(await classesAt("error: could not compile `demo` due to previous error\nerror: aborting due to previous error\n")).toEqual([]);
  });
});

describe("postgres clients and servers", () => {
  it("too many clients, client and server side", async () => {
    const r = await analyze(
      'psql: error: connection to server at "127.0.0.1", port 55432 failed: FATAL:  remaining connection slots are reserved for non-replication superuser connections\npsql: error: connection to server at "127.0.0.1", port 55432 failed: FATAL:  sorry, too many clients already\n2026-11-20 22:02:48.768 UTC [22184] postgres@orders FATAL:  sorry, too many clients already\n',
    );
    expect(r.events.map((e) => [e.class, e.line, e.fields.detail])).toEqual([
      ["too_many_connections", 1, "remaining connection slots are reserved for non-replication superuser connections"],
      ["too_many_connections", 2, "sorry, too many clients already"],
      ["too_many_connections", 3, "sorry, too many clients already"],
    ]);
    expect(r.events[2].timestamp).toBe("2026-11-20T22:02:48.768Z");
  });

  it("connection refused, unknown host and missing socket", async () => {
    expect((await onlyEvent('psql: error: connection to server at "127.0.0.1", port 55433 failed: Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?\n')).fields).toMatchObject({ host: "127.0.0.1", port: 55433 });
    expect((await onlyEvent('psql: error: could not translate host name "db.internal" to address: Name or service not known\n')).fields.host).toBe("db.internal");
    expect((await onlyEvent('psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: No such file or directory\n')).class).toBe("connection_refused");
  });

  it("ordinary server LOG lines are not failures", async () => {
    expect(await classesAt("2026-11-20 22:02:47.239 UTC [22175] app@orders LOG:  connection authorized: user=app database=orders application_name=psql\n")).toEqual([]);
  });
});

describe("C toolchain, shells, coreutils", () => {
  it("gcc errors, make exits, missing commands and files", async () => {
    const r = await analyze(
      'a.c:1:10: fatal error: missing.h: No such file or directory\nmake: *** [Makefile:3: a] Error 1\nbash: line 1: nosuchcmd: command not found\ncat: /srv/config.yml: No such file or directory\ncp: cannot create regular file \'dist/x\': Permission denied\nmkdir: cannot create directory ‘/proc/foo’: No such file or directory\n',
    );
    expect(r.events.map((e) => [e.class, e.line])).toEqual([
      ["compile_error", 1],
      ["process_exit", 2],
      ["enoent", 3],
      ["enoent", 4],
      ["permission_denied", 5],
      ["enoent", 6],
    ]);
    expect(r.events.map((e) => e.fields.path)).toEqual([undefined, undefined, "nosuchcmd", "/srv/config.yml", "dist/x", "/proc/foo"]);
    expect(r.rootCause).toMatchObject({ line: 1 });
  });
});

describe("generic signals", () => {
  it("disk full, OOM kill, exit 137", async () => {
    expect((await onlyEvent("write /var/lib/docker/tmp/x: no space left on device\n")).class).toBe("disk_full");
    expect((await onlyEvent("bash: line 1:  1234 Killed                  node build.js\n")).class).toBe("out_of_memory");
    expect((await onlyEvent("Killed\n")).class).toBe("out_of_memory");
    expect((await onlyEvent("##[error]Process completed with exit code 137.\n")).fields.exit_code).toBe(137);
  });

  it("HTTP status lines by status; other numbers are not statuses", async () => {
    expect((await onlyEvent("< HTTP/1.1 401 Unauthorized\n")).class).toBe("http_401");
    expect((await onlyEvent("curl: (22) The requested URL returned error: 404\n")).class).toBe("not_found");
    expect(
      await classesAt(
        [
          "Downloading https://cdn.example.com/assets/403/logo.png",
          "sha256:4031b4a0e403f5a84036c8b1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6",
          "commit 4040404d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f7",
          'GET /api/users/404 HTTP/1.1" 200 512',
          "Processed 403 files, 0 errors, 0 warnings",
          "exit code 0",
          "Process completed with exit code 0.",
        ].join("\n"),
      ),
    ).toEqual([]);
  });

  it("missing executables, JVM file errors, python HTTP errors, CI job timeouts", async () => {
    expect((await onlyEvent('go: github.com/a/b@v1: git init --bare in /x: exec: "git": executable file not found in $PATH\n')).fields.path).toBe("git");
    expect((await onlyEvent("java.io.FileNotFoundException: /etc/app.yml (No such file or directory)\n")).fields.path).toBe("/etc/app.yml");
    expect((await onlyEvent("/bin/sh: 1: ./build.sh: Permission denied\n")).class).toBe("permission_denied");
    expect((await onlyEvent("urllib.error.HTTPError: HTTP Error 404: Not Found\n")).class).toBe("not_found");
    expect((await onlyEvent("##[error]The job running on runner gh-1 has exceeded the maximum execution time of 360 minutes.\n")).class).toBe("timeout");
    expect((await onlyEvent("HTTP request sent, awaiting response... 401 Unauthorized\n")).class).toBe("http_401");
  });

  it("a GitHub annotation no rule explains is a compile error at its file and line", async () => {
    const e = await onlyEvent("::error file=src/app.ts,line=10,col=5::Type 'string' is not assignable to type 'number'.\n");
    expect(e).toMatchObject({ class: "compile_error", fields: { file: "src/app.ts", lineno: 10, col: 5 } });
  });
});

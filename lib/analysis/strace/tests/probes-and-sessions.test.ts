// Forms found in round 3 of the held-out traces (real lines from them): a probe and the use of its path
// stated together, O_PATH opens, realpath()'s readlinks, linkers naming `-lNAME`, re-opened files,
// resets, a PostgreSQL refusal after AuthenticationOk, and read timeouts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeCString } from "../args";
import { parsePgError } from "../payloads";
import { analyzeTrace, eventsAt } from "./run-trace";

describe("a probe of a path and its use", () => {
  it("is one event from the stat to the open (bash `source` of a missing file)", () => {
    const r = analyzeTrace(String.raw`
      17073 05:21:31.205104 write(1, "deploying payments to production\n", 33) = 33
      17073 05:21:31.205161 newfstatat(AT_FDCWD, "env/production.env", 0x7fffd8fa8310, 0) = -1 ENOENT (No such file or directory)
      17073 05:21:31.205197 openat(AT_FDCWD, "env/production.env", O_RDONLY) = -1 ENOENT (No such file or directory)
      17073 05:21:31.205227 openat(AT_FDCWD, "/usr/share/locale/C.UTF-8/LC_MESSAGES/libc.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
      17073 05:21:31.205417 write(2, "./ci/deploy.sh: line 5: env/production.env: No such file or directory\n", 70) = 70
      17073 05:21:31.205619 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@2", "process_exit@6"]);
    expect(r.events[0]).toMatchObject({ line: 2, endLine: 3, fields: { syscall: "openat", path: "env/production.env" } });
  });

  it("an O_PATH open is a probe, and so the first step of cp creating its destination: the mkdir is the failure", () => {
    const r = analyzeTrace(String.raw`
      12295 05:19:07.041303 openat(AT_FDCWD, "build/dist/static", O_RDONLY|O_PATH|O_DIRECTORY) = -1 ENOENT (No such file or directory)
      12295 05:19:07.041398 newfstatat(AT_FDCWD, "site/assets", {st_mode=S_IFDIR|0755, st_size=4096, ...}, AT_SYMLINK_NOFOLLOW) = 0
      12295 05:19:07.041478 newfstatat(AT_FDCWD, "build/dist/static", 0x7fff289c10f0, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)
      12295 05:19:07.041557 mkdirat(AT_FDCWD, "build/dist/static", 0755) = -1 ENOENT (No such file or directory)
      12295 05:19:07.041637 openat(AT_FDCWD, "/usr/share/locale/C.UTF-8/LC_MESSAGES/coreutils.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
      12295 05:19:07.042735 exit_group(1)     = ?
      12295 05:19:07.042970 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@4", "process_exit@7"]);
    expect(r.events[0]).toMatchObject({ endLine: 4, fields: { syscall: "mkdirat" } });
  });
});

describe("ld's library search", () => {
  const LD = String.raw`
    13014      0.000022 readlink("/tmp/round3-work/ingest-svc/-lsnappyc", 0x7fff3806e320, 1023) = -1 ENOENT (No such file or directory)
    13014      0.000021 newfstatat(AT_FDCWD, "lib/libsnappyc.so", 0x7fff3806f510, 0) = -1 ENOENT (No such file or directory)
    13014      0.000032 openat(AT_FDCWD, "lib/libsnappyc.so", O_RDONLY) = -1 ENOENT (No such file or directory)
    13014      0.000028 newfstatat(AT_FDCWD, "lib/libsnappyc.a", 0x7fff3806f540, 0) = -1 ENOENT (No such file or directory)
    13014      0.000026 openat(AT_FDCWD, "lib/libsnappyc.a", O_RDONLY) = -1 ENOENT (No such file or directory)
    13014      0.000024 newfstatat(AT_FDCWD, "/usr/lib/gcc/x86_64-linux-gnu/12/libsnappyc.so", 0x7fff3806f510, 0) = -1 ENOENT (No such file or directory)
    13014      0.000029 openat(AT_FDCWD, "/usr/lib/gcc/x86_64-linux-gnu/12/libsnappyc.so", O_RDONLY) = -1 ENOENT (No such file or directory)
    13014      0.000029 write(2, "/usr/bin/ld", 11) = 11
    13014      0.000062 write(2, ": cannot find ", 14) = 14
    13014      0.000030 write(2, "-lsnappyc", 9) = 9
    13014      0.000028 write(2, ": ", 2)   = 2
    13014      0.000024 write(2, "No such file or directory", 25) = 25
    13014      0.000027 write(2, "\n", 1)   = 1
    13014      0.000030 exit_group(1)       = ?
    13014      0.000041 +++ exited with 1 +++
  `;

  it("every candidate of `-lNAME` is an event, the first the root cause; realpath's readlink is not", () => {
    const r = analyzeTrace(LD);
    expect(eventsAt(r)).toEqual(["enoent@2", "enoent@4", "enoent@6", "process_exit@15"]);
    expect(r.rootCause?.line).toBe(2);
  });
});

describe("re-opening a file", () => {
  it("is no new work: the config open before python re-reads its script for the traceback stays the failure", () => {
    const r = analyzeTrace(String.raw`
      16198 05:21:05.645583 openat(AT_FDCWD, "/tmp/round3-work/ledger-api/start.py", O_RDONLY|O_CLOEXEC) = 3
      16198 05:21:05.669423 newfstatat(AT_FDCWD, "config/app.toml", {st_mode=S_IFLNK|0777, st_size=35, ...}, AT_SYMLINK_NOFOLLOW) = 0
      16198 05:21:05.669477 openat(AT_FDCWD, "config/app.toml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      16198 05:21:05.669644 openat(AT_FDCWD, "/tmp/round3-work/ledger-api/start.py", O_RDONLY|O_CLOEXEC) = 3
      16198 05:21:05.670017 openat(AT_FDCWD, "/tmp/round3-work/ledger-api/start.py", O_RDONLY|O_CLOEXEC) = 3
      16198 05:21:05.673513 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@3", "process_exit@6"]);
  });

  it("a file not opened before still is (the failure was worked around)", () => {
    const r = analyzeTrace(String.raw`
      16198 05:21:05.669477 openat(AT_FDCWD, "config/app.toml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      16198 05:21:05.669644 openat(AT_FDCWD, "/tmp/round3-work/ledger-api/start.py", O_RDONLY|O_CLOEXEC) = 3
      16198 05:21:05.673513 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["process_exit@3"]);
  });
});

describe("a connection reset", () => {
  it("curl's recvfrom ECONNRESET is the failure", () => {
    const r = analyzeTrace(String.raw`
      15551 05:20:45.533512 connect(5, {sa_family=AF_INET, sin_port=htons(18301), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress) <0.000047>
      15551 05:20:45.533650 getsockopt(5, SOL_SOCKET, SO_ERROR, [0], [4]) = 0 <0.000008>
      15551 05:20:45.533767 sendto(5, "GET /charts/index.yaml HTTP/1.1\r\nHost: 127.0.0.1:18301\r\n\r\n", 58, MSG_NOSIGNAL, NULL, 0) = 58 <0.000026>
      15551 05:20:45.534007 recvfrom(5, 0x55a879d9acb0, 102400, 0, NULL, NULL) = -1 ECONNRESET (Connection reset by peer) <0.000008>
      15551 05:20:45.534235 write(2, "curl: (56) Recv failure: Connection reset by peer\n", 50) = 50 <0.000038>
      15551 05:20:45.535000 exit_group(56)    = ?
      15551 05:20:45.535100 +++ exited with 56 +++
    `);
    expect(eventsAt(r)).toEqual(["connection_refused@4", "process_exit@7"]);
    expect(r.events[0].fields).toMatchObject({ errno: "ECONNRESET", addr: "127.0.0.1", port: 18301 });
  });
});

describe("PostgreSQL refusing the session", () => {
  const FATAL = String.raw`"R\0\0\0\10\0\0\0\0E\0\0\0aSFATAL\0VFATAL\0C3D000\0Mdatabase \"analytics_ci\" does not exist\0Fpostinit.c\0L948\0RInitPostgres\0\0"`;

  it("finds the ErrorResponse after other backend messages", () => {
    expect(parsePgError(decodeCString(FATAL)!.bytes)).toEqual({ sqlstate: "3D000", severity: "FATAL", message: 'database "analytics_ci" does not exist' });
    expect(parsePgError(decodeCString(String.raw`"R\0\0\0\10\0\0\0\0S\0\0\0\26application_name\0\0"`)!.bytes)).toBeNull();
    expect(parsePgError(decodeCString(String.raw`"Resolving host"`)!.bytes)).toBeNull();
  });

  it("a missing database is not_found, with the database named", () => {
    const r = analyzeTrace(String.raw`
      17287 05:21:37.582433 connect(3, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = 0 <0.000040>
      17287 05:21:37.584843 recvfrom(3, ${FATAL}, 16384, 0, NULL, NULL) = 107 <0.000010>
      17287 05:21:37.585602 +++ exited with 2 +++
    `);
    expect(eventsAt(r)).toEqual(["not_found@2", "process_exit@3"]);
    expect(r.events[0]).toMatchObject({ runbookId: "resource-not-found", fields: { sqlstate: "3D000", database: "analytics_ci", port: 5432 } });
  });
});

describe("waiting for an answer that never comes", () => {
  it("curl --max-time: of its polls on the socket (with its wake-up fd), the last is the timeout", () => {
    // The real trace, from the connect to the exit: curl writes its message byte by byte.
    const trace = readFileSync(join(__dirname, "../../tests/fixtures/heldout/strace/round3/strace-curl-max-time-no-response.txt"), "utf8").split("\n");
    const r = analyzeTrace(trace.slice(465, 598).join("\n"));
    const at = (line: number) => line - 465;
    expect(eventsAt(r)).toEqual([`timeout@${at(496)}`, `process_exit@${at(598)}`]);
    expect(r.events[0]).toMatchObject({ ruleId: "strace.read-timeout", fields: { syscall: "poll", port: 18302 } });
    expect(r.events[0].count).toBeGreaterThan(1);
  });
});

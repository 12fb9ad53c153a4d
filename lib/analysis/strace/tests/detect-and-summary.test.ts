// Format detection (no false positives on build logs) and `strace -c` summary tables.
import { describe, expect, it } from "vitest";
import { detectStrace } from "../index";
import { parseSummaryRow } from "../summary-table";
import { analyzeTrace, dedent } from "./run-trace";

const SUMMARY = `
  % time     seconds  usecs/call     calls    errors syscall
  ------ ----------- ----------- --------- --------- ----------------
   32.17    0.055794          12      4402       299 newfstatat
   19.56    0.033927          26      1277           read
    4.82    0.008353          11       708       701 ioctl
    0.03    0.000045           7         6         6 connect
    0.00    0.000000           0        17         8 execve
  ------ ----------- ----------- --------- --------- ----------------
  100.00    0.173419          13     12608      1201 total
`;

describe("detectStrace", () => {
  it("recognises -f -o traces, -ff files, [pid N] traces and -r traces", () => {
    expect(detectStrace(dedent(`
      23149 22:03:40.284941 execve("/srv/ci/venv/bin/python", ["/srv/ci/venv/bin/python", "loadcfg.py"], 0x7ffe7e3e4188 /* 9 vars */) = 0 <0.000111>
      23149 22:03:40.285219 brk(NULL)         = 0x55d742b37000 <0.000003>
      23149 22:03:40.285757 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory) <0.000004>
      23149 22:03:40.285782 openat(AT_FDCWD</srv/ci/dev/report-svc>, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache> <0.000006>
    `))).toBe("strace");
    expect(detectStrace(dedent(`
      22:06:20.858394 connect(3<socket:[63541]>, {sa_family=AF_INET, sin_port=htons(18199), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused) <0.000392>
      22:06:20.859690 write(2</dev/null>, "./healthcheck.sh: connect: Connection refused\\n", 46) = 46 <0.000057>
      22:06:20.860503 exit_group(1)           = ?
      22:06:20.860733 +++ exited with 1 +++
    `))).toBe("strace");
    expect(detectStrace(dedent(`
      execve("/usr/bin/sh", ["sh", "-c", "ls /etc/nothere1 & ls"], 0x7ffc6d943080 /* 35 vars */) = 0
      ls: cannot access '/etc/nothere1': No such file or directory
      [pid 20604] +++ exited with 2 +++
    `))).toBe("strace");
  });

  it("recognises a summary table, even after the program's own output", () => {
    expect(detectStrace(["Collecting requests", "ERROR: could not connect", ...dedent(SUMMARY)])).toBe("strace-summary");
  });

  it("does not claim build logs", () => {
    const logs = [
      ["go: downloading github.com/acme/greet v1.0.0", "verifying github.com/acme/greet@v1.0.0: checksum mismatch", "\tdownloaded: h1:abc=", "SECURITY ERROR"],
      ["npm error code E404", "npm error 404 Not Found - GET http://127.0.0.1:18080/@acme%2fwidget - Not found", "npm error A complete log of this run can be found in: /x.log"],
      ["2026-11-20T22:03:40.1234567Z ##[group]Run go build ./...", "2026-11-20T22:03:41.1234567Z main.go:12:2: undefined: foo", "2026-11-20T22:03:41.2234567Z ##[error]Process completed with exit code 1."],
      ["Cloning into 'x'...", "fatal: repository 'http://127.0.0.1:18555/repo.git/' not found", "+ git rev-parse --verify v1.2.3", "fatal: Needed a single revision"],
      ["Traceback (most recent call last):", '  File "x.py", line 1, in <module>', "    open(path) = handle", "FileNotFoundError: [Errno 2] No such file or directory: 'x'"],
      ["--- FAIL: TestAdd (0.00s)", "    add_test.go:9: got 3, want 4", "FAIL", "exit status 1"],
    ];
    for (const log of logs) expect(detectStrace(log)).toBeNull();
  });
});

describe("strace -c summary", () => {
  it("parses rows with and without an errors column, and not the total", () => {
    expect(parseSummaryRow("  0.03    0.000045           7         6         6 connect")).toEqual({ pct: 0.03, seconds: 0.000045, usecsPerCall: 7, calls: 6, errors: 6, syscall: "connect" });
    expect(parseSummaryRow(" 19.56    0.033927          26      1277           read")).toMatchObject({ calls: 1277, errors: 0 });
    expect(parseSummaryRow("100.00    0.173419          13     12608      1201 total")).toBeNull();
  });

  it("makes failed connect() rows events and leaves the other error rows benign", () => {
    const r = analyzeTrace(SUMMARY);
    expect(r.format).toBe("strace-summary");
    expect(r.events.map((e) => [e.class, e.line, e.fields])).toEqual([
      ["connection_refused", 6, { syscall: "connect", calls: 6, errors: 6, seconds: 0.000045 }],
    ]);
    expect(r.rootCause?.line).toBe(6);
    expect(r.strace?.syscalls.find((s) => s.syscall === "ioctl")).toEqual({ syscall: "ioctl", calls: 708, errors: 701, seconds: 0.008353 });
  });
});

describe("detectStrace with decorated prefixes", () => {
  it("recognises -Y and -i output", () => {
    expect(detectStrace([
      `1234<cat> 22:03:40.1 openat(AT_FDCWD, "/x", O_RDONLY) = -1 ENOENT (No such file or directory)`,
      `1234<cat> 22:03:40.2 write(2, "cat: /x: No such file or directory\\n", 35) = 35`,
      `1234<cat> 22:03:40.3 exit_group(1) = ?`,
      `1234<cat> 22:03:40.4 +++ exited with 1 +++`,
    ])).toBe("strace");
    expect(detectStrace([
      `23149 22:03:40.284941 [00007f7e8a4a0b5b] execve("/bin/true", ["true"], 0x7ffe /* 9 vars */) = 0`,
      `23149 22:03:40.285219 [00007f7e8a4a0b5c] brk(NULL) = 0x55d742b37000`,
      `23149 22:03:40.285757 [00007f7e8a4a0b5d] exit_group(0) = ?`,
    ])).toBe("strace");
  });
});

// Process tree, thread groups, time stamps, -ff split files, and the StraceReport tallies.
import { describe, expect, it } from "vitest";
import { analyzeStraceFiles, createStraceAnalyzer, pidFromFileName } from "../index";
import { analyzeTrace, dedent, eventsAt } from "./run-trace";

describe("process tree", () => {
  const trace = `
    22879 22:03:32.376379 execve("/usr/bin/make", ["make", "-j2"], 0x7ffe4a557ee8 /* 9 vars */) = 0 <0.000966>
    22879 22:03:32.399795 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7fa7afa90000, stack_size=0x9000}, 88 <unfinished ...>
    22880 22:03:32.407307 execve("/bin/sh", ["/bin/sh", "-c", "cat config/release-manifest.ini > build-manifest.txt"], 0x56431a2aed90 /* 12 vars */ <unfinished ...>
    22879 22:03:32.407538 <... clone3 resumed>) = 22880 <0.007735>
    22880 22:03:32.407611 <... execve resumed>) = 0 <0.000296>
    22880 22:03:32.414312 vfork( <unfinished ...>
    22882 22:03:32.414542 execve("/usr/bin/cat", ["cat", "config/release-manifest.ini"], 0x55a1cd3d5718 /* 12 vars */ <unfinished ...>
    22880 22:03:32.414767 <... vfork resumed>) = 22882 <0.000451>
    22882 22:03:32.414776 <... execve resumed>) = 0 <0.000225>
    22882 22:03:32.418383 openat(AT_FDCWD</srv/ci/dev/firmware-pack>, "config/release-manifest.ini", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000010>
    22882 22:03:32.418497 write(2<pipe:[60096]>, "config/release-manifest.ini", 27) = 27 <0.000006>
    22882 22:03:32.418619 write(2<pipe:[60096]>, ": No such file or directory\\n", 28) = 28 <0.000006>
    22882 22:03:32.418905 +++ exited with 1 +++
    22880 22:03:32.419057 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=22882, si_uid=0, si_status=1, si_utime=0, si_stime=0} ---
    22880 22:03:32.419899 +++ exited with 1 +++
    22879 22:03:32.740610 exit_group(2)     = ?
    22879 22:03:32.740778 +++ exited with 2 +++
  `;

  it("links fork/clone/vfork children with argv, exit status and lifetime", () => {
    const r = analyzeTrace(trace, { baseDate: "2026-11-20" });
    expect(r.strace?.processes).toEqual([
      { pid: 22879, argv: ["make", "-j2"], exe: "/usr/bin/make", exitCode: 2, startedAt: "2026-11-20T22:03:32.376379", endedAt: "2026-11-20T22:03:32.740778" },
      { pid: 22880, parentPid: 22879, argv: ["/bin/sh", "-c", "cat config/release-manifest.ini > build-manifest.txt"], exe: "/bin/sh", exitCode: 1, startedAt: "2026-11-20T22:03:32.407307", endedAt: "2026-11-20T22:03:32.419899" },
      { pid: 22882, parentPid: 22880, argv: ["cat", "config/release-manifest.ini"], exe: "/usr/bin/cat", exitCode: 1, startedAt: "2026-11-20T22:03:32.414542", endedAt: "2026-11-20T22:03:32.418905" },
    ]);
    expect(eventsAt(r)).toEqual(["enoent@10", "process_exit@13", "process_exit@15", "process_exit@17"]);
    expect(r.causalChain).toEqual([0, 1, 2, 3]);
  });

  it("counts syscalls like strace -c, resumed calls once", () => {
    const r = analyzeTrace(trace);
    const openat = r.strace?.syscalls.find((s) => s.syscall === "openat");
    expect(openat).toEqual({ syscall: "openat", calls: 1, errors: 1, seconds: 0.00001 });
    expect(r.strace?.syscalls.find((s) => s.syscall === "execve")).toMatchObject({ calls: 3, errors: 0 });
    expect(r.strace?.filesFailed).toEqual([{ path: "config/release-manifest.ini", errno: "ENOENT", syscall: "openat", line: 10 }]);
  });

  it("folds the exits of a process's threads into its first non-zero exit line", () => {
    const r = analyzeTrace(`
      23138 22:03:40.233144 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f6b77dee990, parent_tid=0x7f6b77dee990, exit_signal=0, stack=0x7f6b775ee000, stack_size=0x7fff80, tls=0x7f6b77dee6c0} => {parent_tid=[23139]}, 88) = 23139 <0.000043>
      23138 22:03:40.233386 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f6b775ed990, parent_tid=0x7f6b775ed990, exit_signal=0, stack=0x7f6b76ded000, stack_size=0x7fff80, tls=0x7f6b775ed6c0} <unfinished ...>
      23140 22:03:40.233400 gettid() = 23140
      23138 22:03:40.233447 <... clone3 resumed> => {parent_tid=[23140]}, 88) = 23140 <0.000056>
      23138 22:03:40.240597 exit_group(1)     = ?
      23140 22:03:40.240729 +++ exited with 1 +++
      23139 22:03:40.240734 +++ exited with 1 +++
      23138 22:03:40.241052 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["process_exit@6"]);
    expect(r.events[0]).toMatchObject({ count: 3, repeatLines: [7, 8], fields: { pid: 23140, exit_code: 1, thread_of: 23138 } });
    expect(r.strace?.processes.map((p) => p.pid)).toEqual([23138]);
  });
});

describe("time stamps", () => {
  it("-ttt epoch stamps become ISO-8601 UTC with the trace's own digits", () => {
    const r = analyzeTrace(`
      20590 1795213244.097881 openat(AT_FDCWD, "/etc/missing-ttt.conf", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000006>
      20590 1795213244.098000 write(2, "cat: /etc/missing-ttt.conf: No such file or directory\\n", 54) = 54
      20590 1795213244.099000 +++ exited with 1 +++
    `);
    expect(r.events[0].timestamp).toBe("2026-11-20T22:20:44.097881Z");
  });

  it("-tt stamps get the base date, rolling over at midnight; without one the clock goes to fields.time", () => {
    const trace = `
      1 23:59:59.900000 openat(AT_FDCWD, "/x/a", O_RDONLY) = -1 ENOENT (No such file or directory)
      1 00:00:00.100000 write(2, "tool: /x/a: No such file or directory\\n", 38) = 38
      1 00:00:00.200000 +++ exited with 1 +++
    `;
    const dated = analyzeTrace(trace, { baseDate: "2026-12-31" });
    expect(dated.events.map((e) => e.timestamp)).toEqual(["2026-12-31T23:59:59.900000", "2027-01-01T00:00:00.200000"]);
    const undated = analyzeTrace(trace);
    expect(undated.events[0].timestamp).toBeUndefined();
    expect(undated.events[0].fields.time).toBe("23:59:59.900000");
  });

  it("-r relative stamps accumulate from the start", () => {
    const r = analyzeTrace(`
      0.000000 execve("/bin/false", ["false"], 0x7ffd /* 3 vars */) = 0
      0.000500 brk(NULL) = 0x55
      1.250000 exit_group(1) = ?
      0.000100 +++ exited with 1 +++
    `);
    expect(r.events[0].fields.time).toBe("+1.250600");
  });
});

describe("-ff split files", () => {
  const main = `
    22:06:20.833555 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7feafc656a10) = 23782 <0.000300>
    22:06:20.834576 wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL) = 23782 <0.019564>
    22:06:20.855702 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7feafc656a10) = 23783 <0.000248>
    22:06:20.856474 wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 1}], 0, NULL) = 23783 <0.004284>
    22:06:20.861083 exit_group(3)           = ?
    22:06:20.861260 +++ exited with 3 +++
  `;
  const cat = `
    22:06:20.852471 openat(AT_FDCWD</srv/ci/dev/edge-deploy>, "/etc/edge/healthcheck.conf", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000067>
    22:06:20.852741 write(2<pipe:[62613]>, "cat: /etc/edge/healthcheck.conf: No such file or directory\\n", 59) = 59 <0.000060>
    22:06:20.854061 +++ exited with 1 +++
  `;
  const probe = `
    22:06:20.858394 connect(3<socket:[63541]>, {sa_family=AF_INET, sin_port=htons(18199), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused) <0.000392>
    22:06:20.859690 write(2</dev/null>, "./healthcheck.sh: connect: Connection refused\\n", 46) = 46 <0.000057>
    22:06:20.860733 +++ exited with 1 +++
  `;

  it("takes each file's pid from its name suffix", () => {
    expect(pidFromFileName("trace.23781")).toBe(23781);
    expect(pidFromFileName("out/strace.log")).toBeUndefined();
    const a = createStraceAnalyzer("strace", { name: "trace.23783" });
    dedent(probe).forEach((text, i) => a.push({ no: i + 1, text, bytes: text.length + 1 }));
    expect(a.finish().events[0].fields).toMatchObject({ pid: 23783, port: 18199, addr: "127.0.0.1" });
  });

  it("merges files by time, keeps file and per-file line, and roots on the failure the parent did not survive", async () => {
    const r = await analyzeStraceFiles([
      { name: "trace.23781", lines: dedent(main) },
      { name: "trace.23782", lines: dedent(cat) },
      { name: "trace.23783", lines: dedent(probe) },
    ]);
    expect(r.events.map((e) => `${e.file}:${e.class}@${e.line}`)).toEqual([
      "trace.23782:enoent@1",
      "trace.23782:process_exit@3",
      "trace.23783:connection_refused@1",
      "trace.23783:process_exit@3",
      "trace.23781:process_exit@6",
    ]);
    // The script went on after cat failed (it started the probe), but not after the probe failed.
    expect(r.rootCause).toMatchObject({ file: "trace.23783", line: 1, class: "connection_refused" });
    expect(r.strace?.processes.find((p) => p.pid === 23783)).toMatchObject({ parentPid: 23781, exitCode: 1 });
  });

  it("judges a thread's failures (in its own file) with its process's messages (in another file)", async () => {
    const leader = `
      22:46:42.100000 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, exit_signal=0, stack=0x7f, stack_size=0x7fff80} => {parent_tid=[6112]}, 88) = 6112
      22:46:43.200000 connect(21<socket:[1]>, {sa_family=AF_INET, sin_port=htons(18594), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress)
      22:46:43.200100 getsockopt(21<socket:[1]>, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0
      22:46:43.300000 write(2<pipe:[7]>, "npm error code ECONNREFUSED\\n", 28) = 28
      22:46:43.400000 exit_group(1) = ?
      22:46:43.400200 +++ exited with 1 +++
    `;
    const thread = `
      22:46:42.500000 statx(AT_FDCWD</tmp/lab/npmproj>, "/tmp/lab/npmproj/node_modules", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x7f) = -1 ENOENT (No such file or directory)
      22:46:43.400100 +++ exited with 1 +++
    `;
    const r = await analyzeStraceFiles([
      { name: "npm.6103", lines: dedent(leader) },
      { name: "npm.6112", lines: dedent(thread) },
    ]);
    expect(r.events.map((e) => `${e.file}:${e.class}@${e.line}`)).toEqual(["npm.6103:connection_refused@3", "npm.6112:process_exit@2"]);
    expect(r.events[1]).toMatchObject({ count: 2, repeatLines: [6], fields: { pid: 6112, thread_of: 6103 } });
  });
});

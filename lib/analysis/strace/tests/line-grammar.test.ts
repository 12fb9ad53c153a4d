// Every line form strace prints, with real lines (strace 6.1, Debian 12).
import { describe, expect, it } from "vitest";
import { parseStraceLine, resultErrno, resultValue } from "../line-grammar";

const parse = (line: string) => ({ ...parseStraceLine(line) });

describe("line prefixes", () => {
  it("reads a bare pid (-f -o), a -tt stamp and a -T duration", () => {
    const l = parse(
      `23149 22:03:40.309059 openat(AT_FDCWD</srv/ci/dev/report-svc>, "/etc/app/config.yaml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000005>`,
    );
    expect(l).toMatchObject({ kind: "call", pid: 23149, time: "22:03:40.309059", name: "openat", duration: 0.000005 });
    expect(l.args).toBe(`AT_FDCWD</srv/ci/dev/report-svc>, "/etc/app/config.yaml", O_RDONLY|O_CLOEXEC`);
    expect(l.result).toBe("-1 ENOENT (No such file or directory)");
  });

  it("reads `[pid N]` (-f to a terminal) and lines without any pid", () => {
    expect(parse(`[pid 20604] 22:34:04.421391 statx(AT_FDCWD, "/etc/nothere1", AT_STATX_SYNC_AS_STAT, STATX_MODE, 0x7ffc) = -1 ENOENT (No such file or directory)`)).toMatchObject({ pid: 20604, name: "statx" });
    expect(parse(`[pid  812] close(3) = 0`)).toMatchObject({ pid: 812, name: "close", result: "0" });
    expect(parse(`22:03:40.285219 brk(NULL)         = 0x55d742b37000`)).toMatchObject({ pid: undefined, name: "brk", result: "0x55d742b37000" });
  });

  it("reads -ttt epoch, -t seconds and -r relative stamps", () => {
    expect(parse(`20590 1795213244.097881 openat(AT_FDCWD, "/etc/missing-ttt.conf", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000006>`).time).toBe("1795213244.097881");
    expect(parse(`20590 22:34:04 close(3) = 0`).time).toBe("22:34:04");
    expect(parse(`20595      0.000188 openat(AT_FDCWD, "./nope.txt", O_RDONLY) = -1 ENOENT (No such file or directory)`)).toMatchObject({ pid: 20595, time: "0.000188" });
    expect(parse(`     0.000041 brk(NULL)                 = 0x5581d4b6c000`)).toMatchObject({ pid: undefined, time: "0.000041", name: "brk" });
  });
});

describe("call shapes", () => {
  it("splits `<unfinished ...>` and `<... name resumed>` halves", () => {
    expect(parse(`23138 22:03:40.239923 openat(AT_FDCWD</srv/ci/dev/pricing-engine>, "/srv/ci/dev/shared-models/go.mod", O_RDONLY|O_CLOEXEC <unfinished ...>`)).toMatchObject({
      kind: "unfinished",
      name: "openat",
      args: `AT_FDCWD</srv/ci/dev/pricing-engine>, "/srv/ci/dev/shared-models/go.mod", O_RDONLY|O_CLOEXEC`,
    });
    expect(parse(`23138 22:03:40.239988 <... openat resumed>) = -1 ENOENT (No such file or directory) <0.000055>`)).toMatchObject({
      kind: "resumed",
      name: "openat",
      args: "",
      result: "-1 ENOENT (No such file or directory)",
    });
    expect(parse(`23138 22:03:40.236988 <... newfstatat resumed>0xc00007d558, 0) = -1 ENOENT (No such file or directory) <0.000023>`).args).toBe("0xc00007d558, 0");
  });

  it("reads a resumed call cut short by the exit (`<... nanosleep resumed> <unfinished ...>) = ?`)", () => {
    expect(parse(`23139 22:03:40.240679 <... nanosleep resumed> <unfinished ...>) = ?`)).toMatchObject({ kind: "resumed", name: "nanosleep", result: "?" });
  });

  it("reads `= ?` exits and `= ? ERESTARTSYS`", () => {
    expect(parse(`23149 22:03:40.310969 exit_group(2)     = ?`)).toMatchObject({ name: "exit_group", args: "2", result: "?" });
    const r = parse(`812 read(0, 0x7ffd, 4096) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)`);
    expect(resultErrno(r.result)).toBe("ERESTARTSYS");
  });

  it("keeps `=>` changed-argument output inside the arguments (clone3)", () => {
    const l = parse(
      `23138 22:03:40.233144 clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f6b77dee990, parent_tid=0x7f6b77dee990, exit_signal=0, stack=0x7f6b775ee000, stack_size=0x7fff80, tls=0x7f6b77dee6c0} => {parent_tid=[23139]}, 88) = 23139 <0.000043>`,
    );
    expect(l.name).toBe("clone3");
    expect(l.args).toContain("=> {parent_tid=[23139]}");
    expect(resultValue(l.result)).toBe(23139);
  });

  it("reads unknown syscalls and `???`", () => {
    expect(parse(`1234 syscall_0x1c9(0x1, 0x2, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)`)).toMatchObject({ name: "syscall_0x1c9", kind: "call" });
    expect(parse(`1234 ???( <unfinished ...>`)).toMatchObject({ name: "???", kind: "unfinished" });
  });

  it("reads results with decorations and explanations", () => {
    expect(resultValue(parse(`1 openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3</etc/ld.so.cache> <0.000036>`).result)).toBe(3);
    expect(parse(`1 poll([{fd=5<socket:[37515]>, events=POLLOUT}], 1, 198) = 0 (Timeout) <0.2>`).result).toBe("0 (Timeout)");
    expect(parse(`1 fcntl(2<pipe:[60868]>, F_GETFL) = 0x1 (flags O_WRONLY) <0.000021>`).result).toBe("0x1 (flags O_WRONLY)");
    expect(parse(`1 wait4(-1, 0x7ffd, WNOHANG, NULL) = ? <unavailable>`).result).toBe("?");
  });

  it("does not take ` = ` inside a string argument for the result", () => {
    const l = parse(`9 write(1<pipe:[5]>, "a = b\\n", 6) = 6 <0.000010>`);
    expect(l.args).toBe(`1<pipe:[5]>, "a = b\\n", 6`);
    expect(l.result).toBe("6");
  });
});

describe("markers", () => {
  it("reads signal deliveries", () => {
    expect(parse(`22880 22:03:32.419057 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=22882, si_uid=0, si_status=1, si_utime=0, si_stime=0} ---`)).toMatchObject({ kind: "signal", signal: "SIGCHLD" });
  });

  it("reads exits and kills", () => {
    expect(parse(`23149 22:03:40.311270 +++ exited with 2 +++`)).toMatchObject({ kind: "exited", exitCode: 2, pid: 23149 });
    expect(parse(`22:06:20.861260 +++ exited with 3 +++`)).toMatchObject({ kind: "exited", exitCode: 3, pid: undefined });
    expect(parse(`[pid 11640] +++ killed by SIGKILL +++`)).toMatchObject({ kind: "killed", signal: "SIGKILL", coreDumped: false });
    expect(parse(`11 +++ killed by SIGSEGV (core dumped) +++`)).toMatchObject({ kind: "killed", signal: "SIGSEGV", coreDumped: true });
  });

  it("leaves other text alone", () => {
    expect(parse(`strace: Process 123 attached`).kind).toBe("other");
    expect(parse(`cat: /etc/x: No such file or directory`).kind).toBe("other");
    expect(parse(``).kind).toBe("other");
  });

  it("examines at most a bounded part of a huge line, keeping its result", () => {
    const l = parse(`7 read(3</x>, "${"a".repeat(200_000)}"..., 262144) = 262144 <0.001>`);
    expect(l.result).toBe("262144");
    expect(l.args.length).toBeLessThan(20_000);
  });
});

describe("decorated prefixes", () => {
  it("skips -Y command names after pids and -i/-n brackets", () => {
    expect(parse(`1234<cat> 22:03:40.1 openat(AT_FDCWD, "/x", O_RDONLY) = -1 ENOENT (No such file or directory)`)).toMatchObject({ pid: 1234, name: "openat" });
    expect(parse(`[pid  1234<node>] close(3) = 0`)).toMatchObject({ pid: 1234, name: "close" });
    expect(parse(`23149 22:03:40.284941 [00007f7e8a4a0b5b] execve("/bin/true", ["true"], 0x7ffe /* 9 vars */) = 0`)).toMatchObject({ pid: 23149, name: "execve" });
    expect(parse(`[  2] open("/etc/x", O_RDONLY) = 3`)).toMatchObject({ name: "open", result: "3" });
  });
});

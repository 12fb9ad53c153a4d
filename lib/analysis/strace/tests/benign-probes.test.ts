// Errors every healthy run produces must not become events, even when the process then fails.
import { describe, expect, it } from "vitest";
import { analyzeTrace, eventsAt } from "./run-trace";

/** A process that fails at the end on a missing file it reports, after the given harmless lines. */
const failingAfter = (lines: string) => `
  ${lines.trim()}
  100 10:00:09.000001 openat(AT_FDCWD</w>, "/w/really-missing.txt", O_RDONLY) = -1 ENOENT (No such file or directory)
  100 10:00:09.000002 write(2</dev/pts/0>, "tool: /w/really-missing.txt: No such file or directory\\n", 55) = 55
  100 10:00:09.000003 +++ exited with 1 +++
`;
const onlyTheRealFailure = (lines: string) => {
  const r = analyzeTrace(failingAfter(lines));
  expect(r.events.map((e) => e.class)).toEqual(["enoent", "process_exit"]);
  expect(r.events[0].fields.path).toBe("/w/really-missing.txt");
};

describe("harmless probes are not flagged", () => {
  it("the dynamic loader walking library directories", () =>
    onlyTheRealFailure(`
      100 10:00:00.000001 access("/etc/ld.so.preload", R_OK) = -1 ENOENT (No such file or directory)
      100 10:00:00.000002 openat(AT_FDCWD</w>, "/opt/py/lib/glibc-hwcaps/x86-64-v3/libpython3.11.so.1.0", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      100 10:00:00.000003 newfstatat(AT_FDCWD</w>, "/opt/py/lib/glibc-hwcaps/x86-64-v3", 0x7ffd986acad0, 0) = -1 ENOENT (No such file or directory)
      100 10:00:00.000004 openat(AT_FDCWD</w>, "/opt/py/lib/tls/haswell/x86_64/libpython3.11.so.1.0", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      100 10:00:00.000005 newfstatat(AT_FDCWD</w>, "/opt/py/lib/x86_64", 0x7ffd986acad0, 0) = -1 ENOENT (No such file or directory)
      100 10:00:00.000006 openat(AT_FDCWD</w>, "/opt/py/lib/libc.so.6", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      100 10:00:00.000007 openat(AT_FDCWD</w>, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3</usr/lib/x86_64-linux-gnu/libc.so.6>
    `));

  it("locale data and message catalogs, the nscd socket", () =>
    onlyTheRealFailure(`
      100 10:00:00.000001 openat(AT_FDCWD</w>, "/usr/lib/locale/locale-archive", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      100 10:00:00.000002 openat(AT_FDCWD</w>, "/usr/share/locale/C.UTF-8/LC_MESSAGES/libc.mo", O_RDONLY) = -1 ENOENT (No such file or directory)
      100 10:00:00.000003 connect(20<socket:[75978]>, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)
    `));

  it("a PATH lookup that ends in a successful execve of the same name", () =>
    onlyTheRealFailure(`
      100 10:00:00.000001 execve("/usr/local/sbin/node", ["node", "/usr/bin/npm"], 0x7ffcda60c720 /* 9 vars */) = -1 ENOENT (No such file or directory)
      100 10:00:00.000002 execve("/usr/local/bin/node", ["node", "/usr/bin/npm"], 0x7ffcda60c720 /* 9 vars */) = -1 ENOENT (No such file or directory)
      100 10:00:00.000003 execve("/usr/bin/node", ["node", "/usr/bin/npm"], 0x7ffcda60c720 /* 9 vars */) = 0
    `));

  it("stat/access probes followed by a successful use of the same basename", () =>
    onlyTheRealFailure(`
      100 10:00:00.000001 newfstatat(AT_FDCWD</w>, "/opt/py/bin/lib/python3.11/os.py", 0x7ffd986acd80, 0) = -1 ENOENT (No such file or directory)
      100 10:00:00.000002 newfstatat(AT_FDCWD</w>, "/opt/py/lib/python3.11/os.py", {st_mode=S_IFREG|0644, st_size=39504, ...}, 0) = 0
      100 10:00:00.000003 newfstatat(AT_FDCWD</w>, "/usr/local/bin/cat", 0x7ffd4d14a780, 0) = -1 ENOENT (No such file or directory)
      100 10:00:00.000004 newfstatat(AT_FDCWD</w>, "/usr/bin/cat", {st_mode=S_IFREG|0755, st_size=44016, ...}, 0) = 0
    `));

  it("errors that are part of normal operation", () =>
    onlyTheRealFailure(`
      100 10:00:00.000001 ioctl(1<pipe:[61753]>, TCGETS, 0x7ffd986acff0) = -1 ENOTTY (Inappropriate ioctl for device)
      100 10:00:00.000002 futex(0xe3cf88, FUTEX_WAIT_PRIVATE, 0, NULL) = -1 EAGAIN (Resource temporarily unavailable)
      100 10:00:00.000003 connect(5<socket:[1]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("10.0.0.2")}, 16) = -1 EINPROGRESS (Operation now in progress)
      100 10:00:00.000004 getsockopt(5<socket:[1]>, SOL_SOCKET, SO_ERROR, [0], [4]) = 0
      100 10:00:00.000005 unlinkat(AT_FDCWD</w>, "/tmp/go-build722660727", 0) = -1 EISDIR (Is a directory)
      100 10:00:00.000006 epoll_ctl(4<anon_inode:[eventpoll]>, EPOLL_CTL_ADD, 3</w/go.work>, {events=EPOLLIN, data={u32=1, u64=1}}) = -1 EPERM (Operation not permitted)
      100 10:00:00.000007 readlink("/w/x.py", 0x7ffd, 4096) = -1 EINVAL (Invalid argument)
      100 10:00:00.000008 lseek(1<pipe:[61753]>, 0, SEEK_CUR) = -1 ESPIPE (Illegal seek)
      100 10:00:00.000009 wait4(-1, 0x7ffd, WNOHANG, NULL) = -1 ECHILD (No child processes)
      100 10:00:00.000010 mkdir("/w/out", 0777) = -1 EEXIST (File exists)
      100 10:00:00.000011 openat(AT_FDCWD</w>, "/dev/tty", O_RDWR|O_NONBLOCK) = -1 ENXIO (No such device or address)
      100 10:00:00.000012 read(0</dev/pts/0>, 0x7ffd, 4096) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)
    `));
});

describe("tolerated failures", () => {
  it("a process that exits 0 has no failure events, whatever it missed", () => {
    const r = analyzeTrace(`
      200 10:00:00.000001 openat(AT_FDCWD</w>, "/etc/app/optional.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
      200 10:00:00.000002 write(2</dev/null>, "cat: /etc/app/optional.conf: No such file or directory\\n", 54) = 54
      200 10:00:00.000003 exit_group(0)     = ?
      200 10:00:00.000004 +++ exited with 0 +++
    `);
    expect(eventsAt(r)).toEqual([]);
    expect(r.rootCause).toBeNull();
  });

  it("a pipeline writer killed by SIGPIPE is not a failure", () => {
    const r = analyzeTrace(`
      300 10:00:00.000001 write(1<pipe:[9]>, "y\\ny\\n", 4) = -1 EPIPE (Broken pipe)
      300 10:00:00.000002 --- SIGPIPE {si_signo=SIGPIPE, si_code=SI_USER, si_pid=300, si_uid=0} ---
      300 10:00:00.000003 +++ killed by SIGPIPE +++
    `);
    expect(eventsAt(r)).toEqual([]);
  });

  it("a target make looks up before building it, then names in its error, is not the cause", () => {
    const r = analyzeTrace(`
      14622 23:00:01.000001 stat("bad.o", 0x7ffd16ff5d70) = -1 ENOENT (No such file or directory) <0.000052>
      14622 23:00:01.000002 clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7fa7afa90000, stack_size=0x9000}, 88) = 14623 <0.003005>
      14623 23:00:01.000003 execve("/usr/bin/gcc", ["gcc", "-c", "bad.c", "-o", "bad.o"], 0x56431a2b11f0 /* 12 vars */) = 0 <0.000251>
      14623 23:00:01.000004 write(2</tmp/err>, "bad.c:1:33: error: expected expression before ';' token\\n", 56) = 56
      14623 23:00:01.000005 +++ exited with 1 +++
      14622 23:00:01.000006 write(2</tmp/err>, "make: *** [Makefile:3: bad.o] Error 1\\n", 38) = 38 <0.000061>
      14622 23:00:01.000007 +++ exited with 2 +++
    `);
    expect(eventsAt(r)).toEqual(["process_exit@5", "process_exit@7"]);
  });

  it("failures of a program image replaced by execve are forgotten", () => {
    const r = analyzeTrace(`
      400 10:00:00.000001 openat(AT_FDCWD</w>, "/opt/tool/libexec/helper.dylib", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
      400 10:00:00.000002 write(2</dev/null>, "enable: cannot open shared object /opt/tool/libexec/helper.dylib\\n", 64) = 64
      400 10:00:00.000003 execve("/usr/bin/python3", ["python3", "-c", "raise SystemExit(1)"], 0x7ffd /* 9 vars */) = 0
      400 10:00:00.000004 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["process_exit@4"]);
  });
});

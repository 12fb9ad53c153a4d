// Which failed calls explain a non-zero exit, and which is the root cause (real lines, trimmed traces).
import { describe, expect, it } from "vitest";
import { analyzeTrace, eventsAt } from "./run-trace";

describe("failures the process reported", () => {
  it("flags each config candidate the program names in its fatal message, root on the first", () => {
    const r = analyzeTrace(`
      23149 22:03:40.284941 execve("/srv/ci/venv/bin/python", ["/srv/ci/venv/bin/python", "loadcfg.py"], 0x7ffe7e3e4188 /* 9 vars */) = 0 <0.000111>
      23149 22:03:40.308952 close(3</srv/ci/dev/report-svc/loadcfg.py>) = 0 <0.000003>
      23149 22:03:40.309059 openat(AT_FDCWD</srv/ci/dev/report-svc>, "/etc/app/config.yaml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000005>
      23149 22:03:40.309082 openat(AT_FDCWD</srv/ci/dev/report-svc>, "/srv/ci/home/dev/.config/app/config.yaml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000006>
      23149 22:03:40.309100 openat(AT_FDCWD</srv/ci/dev/report-svc>, "./config.yaml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000004>
      23149 22:03:40.309122 write(2<pipe:[61753]>, "fatal: no configuration file found (tried /etc/app/config.yaml, /srv/ci/home/dev/.config/app/config.yaml, ./config.yaml)\\n", 129) = 129 <0.000066>
      23149 22:03:40.310969 exit_group(2)     = ?
      23149 22:03:40.311270 +++ exited with 2 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@3", "enoent@4", "enoent@5", "process_exit@8"]);
    expect(r.events[2].fields).toMatchObject({ syscall: "openat", errno: "ENOENT", pid: 23149, path: "./config.yaml", resolved: "/srv/ci/dev/report-svc/config.yaml" });
    expect(r.events[3].fields).toMatchObject({ pid: 23149, exit_code: 2 });
    expect(r.rootCause).toMatchObject({ class: "enoent", line: 3, eventIndex: 0 });
    expect(r.causalChain).toEqual([0, 3]);
  });

  it("keeps only the exact path git reports, folding its repeat; suffix probes are benign", () => {
    const r = analyzeTrace(`
      22869 22:03:32.364745 newfstatat(AT_FDCWD</srv/ci/dev/workspace>, "/srv/ci/gitroot/platform/notifications.git/.git", 0x7ffd22621260, 0) = -1 ENOENT (No such file or directory) <0.000096>
      22869 22:03:32.364853 newfstatat(AT_FDCWD</srv/ci/dev/workspace>, "/srv/ci/gitroot/platform/notifications.git", 0x7ffd22621260, 0) = -1 ENOENT (No such file or directory) <0.000003>
      22869 22:03:32.364867 newfstatat(AT_FDCWD</srv/ci/dev/workspace>, "/srv/ci/gitroot/platform/notifications.git.git/.git", 0x7ffd22621260, 0) = -1 ENOENT (No such file or directory) <0.000005>
      22869 22:03:32.364893 newfstatat(AT_FDCWD</srv/ci/dev/workspace>, "/srv/ci/gitroot/platform/notifications.git.bundle", 0x7ffd22621260, 0) = -1 ENOENT (No such file or directory) <0.000004>
      22869 22:03:32.364909 newfstatat(AT_FDCWD</srv/ci/dev/workspace>, "/srv/ci/gitroot/platform/notifications.git", 0x7ffd22621260, 0) = -1 ENOENT (No such file or directory) <0.000003>
      22869 22:03:32.364934 write(2<pipe:[60720]>, "fatal: repository '/srv/ci/gitroot/platform/notifications.git' does not exist\\n", 86) = 86 <0.000006>
      22869 22:03:32.364988 exit_group(128)   = ?
      22869 22:03:32.365125 +++ exited with 128 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@2", "process_exit@8"]);
    expect(r.events[0]).toMatchObject({ count: 2, repeatLines: [5] });
  });

  it("assembles a message written byte by byte", () => {
    const chars = [..."curl: (22) The requested URL returned error: 404\n"].map(
      (c, i) => `20560 22:34:04.12${String(i).padStart(4, "0")} write(2</tmp/stderr>, "${c === "\n" ? "\\n" : c}", 1) = 1 <0.000003>`,
    );
    const r = analyzeTrace(
      [
        `20560 22:34:04.114392 openat(AT_FDCWD</tmp/lab>, "/root/.curlrc", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000004>`,
        `20560 22:34:04.116000 getsockopt(5<socket:[37515]>, SOL_SOCKET, SO_ERROR, [0], [4]) = 0 <0.000004>`,
        `20560 22:34:04.117014 recvfrom(5<socket:[37515]>, "HTTP/1.0 404 File not found\\r\\nServer: SimpleHTTP/0.6 Python/3.11.7\\r\\n", 102400, 0, NULL, NULL) = 97 <0.000006>`,
        ...chars,
        `20560 22:34:04.131971 exit_group(22)     = ?`,
        `20560 22:34:04.132559 +++ exited with 22 +++`,
      ].join("\n"),
    );
    expect(eventsAt(r)).toEqual(["not_found@3", `process_exit@${chars.length + 5}`]);
    expect(r.events[0].fields).toMatchObject({ syscall: "recvfrom", status: 404 });
  });

  it("ignores a warning about an optional file the program then worked around", () => {
    const r = analyzeTrace(`
      11531 22:40:01.000001 openat(AT_FDCWD</tmp/lab>, "/etc/app/optional.conf", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000005>
      11531 22:40:01.000002 write(2</dev/pts/0>, "warning: /etc/app/optional.conf not found, using defaults\\n", 58) = 58 <0.000010>
      11531 22:40:01.000003 openat(AT_FDCWD</tmp/lab>, "/usr/lib/python3.11/json/__init__.py", O_RDONLY|O_CLOEXEC) = 3</usr/lib/python3.11/json/__init__.py> <0.000005>
      11531 22:40:01.000004 openat(AT_FDCWD</tmp/lab>, "/srv/app/required.json", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000005>
      11531 22:40:01.000005 write(2</dev/pts/0>, "FileNotFoundError: [Errno 2] No such file or directory: '/srv/app/required.json'\\n", 81) = 81 <0.000010>
      11531 22:40:01.000006 exit_group(1)     = ?
      11531 22:40:01.000007 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@4", "process_exit@7"]);
  });
});

describe("failures the process did not put into words", () => {
  it("takes the last burst of failures before exiting, not earlier tolerated misses", () => {
    const r = analyzeTrace(`
      700 10:00:00.000001 openat(AT_FDCWD</w>, "/etc/tool/defaults.conf", O_RDONLY) = -1 ENOENT (No such file or directory)
      700 10:00:00.000002 openat(AT_FDCWD</w>, "/w/input.txt", O_RDONLY) = 3</w/input.txt>
      700 10:00:00.000003 read(3</w/input.txt>, "abc", 4096) = 3
      700 10:00:00.000004 openat(AT_FDCWD</w>, "/w/out/result.bin", O_WRONLY|O_CREAT|O_TRUNC, 0644) = -1 ENOENT (No such file or directory)
      700 10:00:00.000005 exit_group(1)     = ?
      700 10:00:00.000006 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@4", "process_exit@6"]);
  });

  it("a PATH search that found nothing: one event per directory tried, the first the root cause (as the corpus labels a config search)", () => {
    const r = analyzeTrace(`
      15133 22:31:45.100001 newfstatat(AT_FDCWD</tmp/lab>, "/usr/local/bin/nonexistent-cmd", 0x7ffd, 0) = -1 ENOENT (No such file or directory) <0.000004>
      15133 22:31:45.100002 newfstatat(AT_FDCWD</tmp/lab>, "/usr/bin/nonexistent-cmd", 0x7ffd, 0) = -1 ENOENT (No such file or directory) <0.000004>
      15133 22:31:45.100003 newfstatat(AT_FDCWD</tmp/lab>, "/bin/nonexistent-cmd", 0x7ffd, 0) = -1 ENOENT (No such file or directory) <0.000004>
      15133 22:31:45.100004 write(2</tmp/err>, "bash: nonexistent-cmd: command not found\\n", 41) = 41 <0.000010>
      15133 22:31:45.100005 exit_group(127)   = ?
      15133 22:31:45.100006 +++ exited with 127 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@1", "enoent@2", "enoent@3", "process_exit@6"]);
    expect(r.rootCause?.line).toBe(1);
  });
});

describe("network failures", () => {
  it("reads ECONNREFUSED from getsockopt(SO_ERROR) after a non-blocking connect", () => {
    const r = analyzeTrace(`
      15081 22:31:46.466752 connect(5<socket:[29086]>, {sa_family=AF_INET, sin_port=htons(18111), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress) <0.000344>
      15081 22:31:46.467122 poll([{fd=5<socket:[29086]>, events=POLLOUT}, {fd=3<socket:[29083]>, events=POLLIN}], 2, 200) = 1 ([{fd=5, revents=POLLOUT|POLLERR|POLLHUP}]) <0.000004>
      15081 22:31:46.467177 getsockopt(5<socket:[29086]>, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0 <0.000004>
      15081 22:31:46.467300 write(2</tmp/err>, "curl: (7) Failed to connect to 127.0.0.1 port 18111 after 0 ms: Couldn't connect to server\\n", 90) = 90 <0.000010>
      15081 22:31:46.467400 exit_group(7)     = ?
      15081 22:31:46.467500 +++ exited with 7 +++
    `);
    expect(eventsAt(r)).toEqual(["connection_refused@3", "process_exit@6"]);
    expect(r.events[0].fields).toMatchObject({ syscall: "getsockopt", errno: "ECONNREFUSED", addr: "127.0.0.1", port: 18111 });
    expect(r.strace?.endpoints).toEqual([{ address: "127.0.0.1", port: 18111, family: "AF_INET", result: "ECONNREFUSED" }]);
  });

  it("treats a retried connect that finally succeeded as repaired", () => {
    const r = analyzeTrace(`
      9 10:00:00.000001 connect(3<socket:[1]>, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)
      9 10:00:01.000001 connect(4<socket:[2]>, {sa_family=AF_INET, sin_port=htons(5432), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
      9 10:00:01.000002 openat(AT_FDCWD</w>, "/w/missing.sql", O_RDONLY) = -1 ENOENT (No such file or directory)
      9 10:00:01.000003 write(2</dev/null>, "psql: error: /w/missing.sql: No such file or directory\\n", 56) = 56
      9 10:00:01.000004 +++ exited with 2 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@3", "process_exit@5"]);
  });

  it("decodes an NXDOMAIN answer: host, qtype, rcode", () => {
    const r = analyzeTrace(`
      32203 22:15:30.449499 connect(19<socket:[75980]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0 <0.000069>
      32203 22:15:30.450315 recvfrom(19<socket:[75980]>, "\\264\\36\\201\\203\\0\\1\\0\\0\\0\\0\\0\\0\\nnpm-mirror\\5build\\tacme-corp\\3net\\0\\0\\34\\0\\1", 2048, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, [28 => 16]) = 48 <0.000005>
      32203 22:15:30.450369 recvfrom(19<socket:[75980]>, "\\354\\20\\201\\203\\0\\1\\0\\0\\0\\0\\0\\0\\nnpm-mirror\\5build\\tacme-corp\\3net\\0\\0\\1\\0\\1", 65536, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, [28 => 16]) = 48 <0.000003>
      32203 22:17:50.669352 write(2<pipe:[74604]>, "npm error network request to https://npm-mirror.build.acme-corp.net/x failed, reason: getaddrinfo ENOTFOUND npm-mirror.build.acme-corp.net\\n", 140) = 140 <0.000026>
      32203 22:17:50.680467 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["dns_failure@2", "dns_failure@3", "process_exit@5"]);
    expect(r.events[0].fields).toMatchObject({ syscall: "recvfrom", pid: 32203, host: "npm-mirror.build.acme-corp.net", qtype: "AAAA", rcode: "NXDOMAIN" });
    expect(r.events[1].fields.qtype).toBe("A");
  });

  it("of two 404 answers, keeps the one whose URL the program names (the other was a probe)", () => {
    const r = analyzeTrace(`
      50 10:00:00.000001 connect(3<socket:[1]>, {sa_family=AF_INET, sin_port=htons(18090), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
      50 10:00:00.000002 write(3<socket:[1]>, "GET /sumdb/sum.golang.org/supported HTTP/1.1\\r\\nHost: 127.0.0.1:18090\\r\\n\\r\\n", 70) = 70
      50 10:00:00.000003 read(3<socket:[1]>, "HTTP/1.1 404 Not Found\\r\\nContent-Length: 0\\r\\n\\r\\n", 4096) = 45
      50 10:00:00.000004 connect(4<socket:[2]>, {sa_family=AF_INET, sin_port=htons(18090), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
      50 10:00:00.000005 write(4<socket:[2]>, "GET /example.com/greet/@v/v1.0.0.mod HTTP/1.1\\r\\nHost: 127.0.0.1:18090\\r\\n\\r\\n", 72) = 72
      50 10:00:00.000006 read(4<socket:[2]>, "HTTP/1.1 404 Not Found\\r\\nContent-Length: 0\\r\\n\\r\\n", 4096) = 45
      50 10:00:00.000007 write(2<pipe:[9]>, "go: example.com/greet@v1.0.0: reading http://127.0.0.1:18090/example.com/greet/@v/v1.0.0.mod: 404 Not Found\\n", 107) = 107
      50 10:00:00.000008 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["not_found@6", "process_exit@8"]);
    expect(r.events[0].fields).toMatchObject({ status: 404, url: "http://127.0.0.1:18090/example.com/greet/@v/v1.0.0.mod" });
  });

  it("names timeout(1) sending SIGTERM as the cause", () => {
    const r = analyzeTrace(`
      15137 22:31:47.000001 execve("/usr/bin/timeout", ["timeout", "1", "sleep", "5"], 0x7ffd /* 35 vars */) = 0 <0.000200>
      15137 22:31:47.000100 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = 15138 <0.000100>
      15138 22:31:47.000200 execve("/usr/bin/sleep", ["sleep", "5"], 0x7ffd /* 35 vars */) = 0 <0.000200>
      15137 22:31:48.000100 kill(15138, SIGTERM)    = 0 <0.000010>
      15138 22:31:48.000110 --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=15137, si_uid=0} ---
      15138 22:31:48.000200 +++ killed by SIGTERM +++
      15137 22:31:48.000300 exit_group(124)   = ?
      15137 22:31:48.000400 +++ exited with 124 +++
    `);
    expect(eventsAt(r)).toEqual(["timeout@5", "process_exit@6", "process_exit@8"]);
    expect(r.events[1].fields).toMatchObject({ pid: 15138, signal: "SIGTERM", exit_code: 143 });
    expect(r.rootCause?.line).toBe(5);
  });
});

describe("lookups named in the final report", () => {
  it("flags each stat() probe of a config search the program names, even without errno wording", () => {
    const r = analyzeTrace(`
      9 10:00:00.000001 openat(AT_FDCWD</w>, "/w/app.js", O_RDONLY|O_CLOEXEC) = 3</w/app.js>
      9 10:00:00.000002 statx(AT_FDCWD</w>, "/etc/app/config.yaml", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x7ffc) = -1 ENOENT (No such file or directory)
      9 10:00:00.000003 statx(AT_FDCWD</w>, "/home/u/.config/app/config.yaml", AT_STATX_SYNC_AS_STAT, STATX_ALL, 0x7ffc) = -1 ENOENT (No such file or directory)
      9 10:00:00.000004 write(2</dev/pts/0>, "app: no config (tried /etc/app/config.yaml, /home/u/.config/app/config.yaml)\\n", 79) = 79
      9 10:00:00.000005 +++ exited with 2 +++
    `);
    expect(eventsAt(r)).toEqual(["enoent@2", "enoent@3", "process_exit@5"]);
  });
});

// Failures found in round 2 of the held-out traces (real lines from them): a TLS handshake one side gave
// up on (an alert record in the data), descriptors running out (EMFILE), and a thread's own `-ff` file.
import { describe, expect, it } from "vitest";
import { decodeCString } from "../args";
import { parseTlsAlert } from "../payloads";
import { analyzeTrace, eventsAt } from "./run-trace";

const bytesOf = (s: string) => decodeCString(s)!.bytes;

describe("parseTlsAlert", () => {
  it("reads a fatal alert record as strace prints it", () => {
    expect(parseTlsAlert(bytesOf(String.raw`"\25\3\3\0\2\0020"`))).toEqual({ description: 48, name: "unknown_ca" });
    expect(parseTlsAlert(bytesOf(String.raw`"\x15\x03\x01\x00\x02\x02\x28"`))).toEqual({ description: 40, name: "handshake_failure" });
  });

  it("ignores warnings, close_notify and other records", () => {
    expect(parseTlsAlert(bytesOf(String.raw`"\25\3\3\0\2\1\0"`))).toBeNull(); // warning close_notify
    expect(parseTlsAlert(bytesOf(String.raw`"\25\3\3\0\2\2\0"`))).toBeNull();
    expect(parseTlsAlert(bytesOf(String.raw`"\27\3\3\0\23\330"`))).toBeNull(); // application data
    expect(parseTlsAlert(bytesOf(String.raw`"\25\3"`))).toBeNull();
  });
});

// python urllib against a server with a self-signed certificate: OpenSSL rejects the chain and says so
// to the server with an alert before closing (the certificate itself is encrypted in TLS 1.3 records).
const TLS_REJECTED = String.raw`
  27268 04:14:46.931634 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3<socket:[203619]> <0.000024>
  27268 04:14:46.931739 connect(3<socket:[203619]>, {sa_family=AF_INET, sin_port=htons(18443), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 EINPROGRESS (Operation now in progress) <0.000095>
  27268 04:14:46.931875 poll([{fd=3<socket:[203619]>, events=POLLOUT|POLLERR}], 1, 10000) = 1 ([{fd=3, revents=POLLOUT}]) <0.000009>
  27268 04:14:46.931917 getsockopt(3<socket:[203619]>, SOL_SOCKET, SO_ERROR, [0], [4]) = 0 <0.000009>
  27268 04:14:46.934296 newfstatat(AT_FDCWD</srv/build/plugin-updater>, "/usr/lib/ssl/certs/63d8468d.0", 0x7fffbce224f0, 0) = -1 ENOENT (No such file or directory) <0.000009>
  27268 04:14:46.934677 write(3<socket:[203619]>, "\25\3\3\0\2\0020", 7) = 7 <0.000033>
  27268 04:14:46.934814 close(3<socket:[203619]>) = 0 <0.000027>
  27268 04:14:46.935014 write(2<pipe:[203606]>, "update check failed: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:992)\n", 118) = 118 <0.000013>
  27268 04:14:46.941940 exit_group(3)     = ?
  27268 04:14:46.943212 +++ exited with 3 +++
`;

describe("TLS alerts", () => {
  it("a fatal alert the process sent is the failure, with the endpoint and the alert", () => {
    const r = analyzeTrace(TLS_REJECTED);
    expect(eventsAt(r)).toEqual(["tls_error@6", "process_exit@10"]);
    expect(r.events[0].fields).toMatchObject({ syscall: "write", pid: 27268, alert: "unknown_ca", addr: "127.0.0.1", port: 18443 });
    expect(r.events[0].runbookId).toBe("strace-tls-error");
    expect(r.rootCause?.line).toBe(6);
  });

  it("is no failure when the process goes on to succeed", () => {
    const ok = TLS_REJECTED.replace("exit_group(3)", "exit_group(0)").replace("exited with 3", "exited with 0");
    expect(eventsAt(analyzeTrace(ok))).toEqual([]);
  });

  it("a fatal alert received from the peer is the failure too", () => {
    const received = TLS_REJECTED.replace(String.raw`write(3<socket:[203619]>, "\25\3\3\0\2\0020", 7) = 7`, String.raw`read(3<socket:[203619]>, "\25\3\3\0\2\2(", 5) = 7`);
    const r = analyzeTrace(received);
    expect(eventsAt(r)).toEqual(["tls_error@6", "process_exit@10"]);
    expect(r.events[0].message).toBe("TLS handshake failed: received fatal alert handshake_failure from 127.0.0.1:18443");
  });
});

describe("EMFILE", () => {
  it("running out of descriptors is a resource exhaustion with its own runbook", () => {
    const r = analyzeTrace(String.raw`
      26592 04:14:27.574075 openat(AT_FDCWD</srv/build/shard-merge>, "shards/part-15.tsv", O_RDONLY|O_CLOEXEC) = 19</srv/build/shard-merge/shards/part-15.tsv> <0.000009>
      26592 04:14:27.574203 openat(AT_FDCWD</srv/build/shard-merge>, "shards/part-16.tsv", O_RDONLY|O_CLOEXEC) = -1 EMFILE (Too many open files) <0.000007>
      26592 04:14:27.574301 close(19</srv/build/shard-merge/shards/part-15.tsv>) = 0 <0.000009>
      26592 04:14:27.576160 write(2<pipe:[200163]>, "OSError: [Errno 24] Too many open files: 'shards/part-16.tsv'\n", 62) = 62 <0.000016>
      26592 04:14:27.578239 exit_group(1)     = ?
      26592 04:14:27.578813 +++ exited with 1 +++
    `);
    expect(eventsAt(r)).toEqual(["out_of_memory@2", "process_exit@6"]);
    expect(r.events[0]).toMatchObject({ ruleId: "strace.fd-exhausted", runbookId: "strace-fd-exhausted", fields: { errno: "EMFILE", path: "shards/part-16.tsv" } });
  });
});

// One worker thread's file of `strace -ff -tt -T -y -o trace python check_replicas.py`: the thread was
// refused, handed the error to the main thread (whose file holds the message and exit 2) and ended.
const THREAD_FILE = String.raw`
  04:14:37.365383 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 5<socket:[199452]> <0.000031>
  04:14:37.365495 futex(0xa5b8f4, FUTEX_WAIT_BITSET_PRIVATE, 0, {tv_sec=2433, tv_nsec=876034396}, FUTEX_BITSET_MATCH_ANY) = -1 EAGAIN (Resource temporarily unavailable) <0.000045>
  04:14:37.365838 connect(5<socket:[199452]>, {sa_family=AF_INET, sin_port=htons(15433), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused) <0.000045>
  04:14:37.366448 close(5<socket:[199452]>) = 0 <0.000033>
  04:14:37.366532 futex(0x336173f0, FUTEX_WAKE_PRIVATE, 1) = 1 <0.000038>
  04:14:37.367862 madvise(0x7f0ebea22000, 8368128, MADV_DONTNEED) = 0 <0.000031>
  04:14:37.368032 exit(0)                 = ?
  04:14:37.368101 +++ exited with 0 +++
`;

describe("a thread's own -ff file", () => {
  it("a failure that ended the thread's work counts, though the thread exits 0", () => {
    const r = analyzeTrace(THREAD_FILE, { name: "trace.26944" });
    expect(eventsAt(r)).toEqual(["connection_refused@3"]);
    expect(r.events[0].fields).toMatchObject({ pid: 26944, port: 15433 });
  });

  it("not when the file's process ended with exit_group(0), nor in a single trace of the whole run", () => {
    expect(eventsAt(analyzeTrace(THREAD_FILE.replace("exit(0)                 = ?", "exit_group(0)           = ?"), { name: "trace.26944" }))).toEqual([]);
    expect(eventsAt(analyzeTrace(THREAD_FILE, { name: "trace.txt" }))).toEqual([]);
  });
});

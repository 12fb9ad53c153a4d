// Seeded fuzz inputs for the analyzer: input `index` of seed `seed` is always the same bytes, so a
// finding is reproduced with `tsx drills/fuzz-repro.ts SEED INDEX`. Most inputs are mutations of the
// corpus's real logs and traces (so they reach the rules and the strace engine); the rest are
// grammar-built strace lines, rule literals in random text, random bytes, damaged gzip and zip, and
// edge shapes (empty, one huge line, many empty lines, bare magic numbers).
import { gzipSync } from "node:zlib";
import { RULES } from "../../lib/analysis/rules";
import { corpusFiles } from "./logs";
import { rng } from "./stats";

export interface FuzzInput {
  kind: string;
  bytes: Buffer;
}

const MAX_BYTES = 1_500_000;
const LITERALS = [...new Set(RULES.flatMap((r) => r.literals))];
const ANSI = ["\x1b[31m", "\x1b[0m", "\x1b[1;33m", "\x1b[38;5;196m", "\x1b[38;2;1;2;3m", "\x1b[", "\x1b[0K", "\x1b]8;;http://x\x1b\\", "\x1b[?25l", "\x1b", "\x1b[999999999999m"];
const CI_MARKERS = ["##[group]Run go build", "##[endgroup]", "##[error]Process completed with exit code 1.", "::error file=a.go,line=1::boom", "::group::step", "::endgroup::", "section_start:1700000000:build\r\x1b[0K", "section_end:1700000000:build\r\x1b[0K", "##[section]Starting: Build", "Error: Process completed with exit code 2."];
const UNICODE = ["💥", "é", "\u0301\u0301\u0301", "\u2028", "\u202e", "\ufeff", "漢字", "\u0000"];
const RAW_BYTES = [Buffer.from([0xff, 0xfe]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0x00, 0x00])];
const SYSCALLS = ["openat", "execve", "connect", "read", "write", "stat", "newfstatat", "access", "clone", "clone3", "wait4", "recvfrom", "sendto", "getaddrinfo", "mkdir", "unlink", "rename", "socket", "poll"];
const ERRNOS = ["ENOENT (No such file or directory)", "EACCES (Permission denied)", "ECONNREFUSED (Connection refused)", "ETIMEDOUT (Connection timed out)", "ENOSPC (No space left on device)", "EAGAIN (Resource temporarily unavailable)", "EINTR (Interrupted system call)", "EPERM (Operation not permitted)"];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)];
}

function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

function mutate(r: () => number, input: Buffer): Buffer {
  let b = input;
  const rounds = int(r, 1, 8);
  for (let k = 0; k < rounds; k++) {
    const at = int(r, 0, b.length);
    const m = int(r, 0, 11);
    const text = () => b.toString("latin1");
    switch (m) {
      case 0: { // flip bytes
        b = Buffer.from(b);
        for (let i = 0, n = int(r, 1, 16); i < n && b.length; i++) b[int(r, 0, b.length - 1)] = int(r, 0, 255);
        break;
      }
      case 1: // insert random bytes
        b = Buffer.concat([b.subarray(0, at), Buffer.from(Array.from({ length: int(r, 0, 64) }, () => int(r, 0, 255))), b.subarray(at)]);
        break;
      case 2: // delete a span
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + int(r, 1, 4096)))]);
        break;
      case 3: { // repeat one line many times (within the size cap)
        const lines = text().split("\n");
        const line = pick(r, lines);
        const times = Math.min(int(r, 2, 2000), Math.floor(MAX_BYTES / (line.length + 1)));
        const at2 = int(r, 0, lines.length);
        b = Buffer.from([...lines.slice(0, at2), ...Array.from({ length: times }, () => line), ...lines.slice(at2)].join("\n").slice(0, MAX_BYTES * 2), "latin1");
        break;
      }
      case 4: // ANSI escapes, some malformed
        b = Buffer.concat([b.subarray(0, at), Buffer.from(pick(r, ANSI)), b.subarray(at)]);
        break;
      case 5: // line endings
        b = Buffer.from(text().replace(/\n/g, r() < 0.5 ? "\r\n" : "\r"), "latin1");
        break;
      case 6: { // one very long line
        const piece = b.subarray(at, at + int(r, 1, 80)).toString("latin1") || "x";
        b = Buffer.concat([b.subarray(0, at), Buffer.from(piece.repeat(Math.ceil(Math.min(int(r, 10_000, 300_000), MAX_BYTES) / piece.length)), "latin1"), b.subarray(at)]);
        break;
      }
      case 7: // CI markers
        b = Buffer.concat([b.subarray(0, at), Buffer.from(`\n${pick(r, CI_MARKERS)}\n`), b.subarray(at)]);
        break;
      case 8: // timestamps, sane and not
        b = Buffer.from(text().split("\n").map((l) => (r() < 0.5 ? `${pick(r, ["2026-11-20T10:00:00.0000000Z ", "9999-99-99T99:99:99Z ", "2026-11-20T10:00:00Z ", "12:34:56.123456 ", "1700000000.123 "])}${l}` : l)).join("\n"), "latin1");
        break;
      case 9: // numbers: huge, negative, zero
        b = Buffer.from(text().replace(/\d+/g, (d) => (r() < 0.2 ? pick(r, ["99999999999999999999999", "-1", "0", "4294967296", "NaN", d + d]) : d)), "latin1");
        break;
      case 10: // unicode and invalid UTF-8
        b = Buffer.concat([b.subarray(0, at), r() < 0.5 ? Buffer.from(pick(r, UNICODE)) : pick(r, RAW_BYTES), b.subarray(at)]);
        break;
      default: { // splice another corpus file in
        const other = pick(r, corpusFiles()).bytes;
        const from = int(r, 0, other.length);
        b = Buffer.concat([b.subarray(0, at), other.subarray(from, from + int(r, 1, 20_000)), b.subarray(at)]);
      }
    }
    if (b.length > MAX_BYTES) b = b.subarray(0, MAX_BYTES);
  }
  return b;
}

function corpusWindow(r: () => number): Buffer {
  const files = corpusFiles().filter((f) => !f.name.endsWith(".zip"));
  const text = pick(r, files).bytes.toString("latin1").split("\n");
  const from = int(r, 0, Math.max(0, text.length - 1));
  return Buffer.from(text.slice(from, from + int(r, 1, 300)).join("\n") + (r() < 0.8 ? "\n" : ""), "latin1");
}

function straceLine(r: () => number): string {
  const pid = r() < 0.7 ? `${int(r, 1, 99999)} ` : "";
  const ts = r() < 0.8 ? `${String(int(r, 0, 23)).padStart(2, "0")}:${String(int(r, 0, 59)).padStart(2, "0")}:${String(int(r, 0, 59)).padStart(2, "0")}.${String(int(r, 0, 999999)).padStart(6, "0")} ` : "";
  const sys = pick(r, SYSCALLS);
  const arg = pick(r, [`AT_FDCWD, "/etc/${pick(r, ["ssl/cert.pem", "hosts", "app/config.yaml", "x\\\"y", "\\x00\\377"])}", O_RDONLY|O_CLOEXEC`, `3, {sa_family=AF_INET, sin_port=htons(${int(r, 0, 70000)}), sin_addr=inet_addr("10.0.0.${int(r, 0, 300)}")}, 16`, `"/usr/bin/go", ["go", "build", "./..."], 0x7ffd /* 42 vars */`, `{{{{{`, `"${"a".repeat(int(r, 0, 5000))}"...`]);
  const shapes = [
    () => `${pid}${ts}${sys}(${arg}) = -1 ${pick(r, ERRNOS)}`,
    () => `${pid}${ts}${sys}(${arg}) = ${int(r, 0, 10)}`,
    () => `${pid}${ts}${sys}(${arg} <unfinished ...>`,
    () => `${pid}${ts}<... ${sys} resumed>) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)`,
    () => `${pid}${ts}+++ exited with ${int(r, 0, 255)} +++`,
    () => `${pid}${ts}+++ killed by SIGKILL +++`,
    () => `${pid}${ts}--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=${int(r, 1, 99999)}, si_status=${int(r, 0, 255)}} ---`,
    () => `% time     seconds  usecs/call     calls    errors syscall`,
    () => `------ ----------- ----------- --------- --------- ----------------`,
    () => ` ${(r() * 100).toFixed(2)}    ${(r() * 9).toFixed(6)}          ${int(r, 0, 999)}      ${int(r, 0, 9999)}      ${int(r, 0, 999)} ${sys}`,
  ];
  return pick(r, shapes)();
}

function randomText(r: () => number): Buffer {
  const lines: string[] = [];
  for (let i = 0, n = int(r, 1, 200); i < n; i++) {
    const junk = () => Array.from({ length: int(r, 0, 6) }, () => pick(r, ["x", "/tmp/a b", "github.com/acme/m", "v1.2.3", "403", "https://proxy.golang.org", ":", "'", '"', "(", ")", "\t", "…"])).join(r() < 0.5 ? " " : "");
    lines.push(`${junk()}${pick(r, LITERALS)}${junk()}${r() < 0.3 ? pick(r, LITERALS) : ""}`);
  }
  return Buffer.from(lines.join("\n"));
}

function edge(r: () => number): Buffer {
  switch (int(r, 0, 9)) {
    case 0: return Buffer.alloc(0);
    case 1: return Buffer.from("\n");
    case 2: return Buffer.from("\r\n".repeat(int(r, 1, 100_000)));
    case 3: return Buffer.from(pick(r, LITERALS).repeat(Math.ceil(1_000_000 / 10)).slice(0, 1_000_000));
    case 4: return Buffer.from("\n".repeat(int(r, 1, 400_000)));
    case 5: return Buffer.alloc(int(r, 1, 100_000));
    case 6: return Buffer.from(ANSI.join("").repeat(int(r, 1, 2000)));
    case 7: return Buffer.from("PK\x03\x04");
    case 8: return Buffer.from([0x1f, 0x8b]);
    default: return Buffer.from(pick(r, LITERALS));
  }
}

export function fuzzInput(seed: number, index: number): FuzzInput {
  const r = rng((seed * 2654435761 + index * 40503) >>> 0);
  const p = r();
  if (p < 0.45) return { kind: "corpus-mutant", bytes: mutate(r, corpusWindow(r)) };
  if (p < 0.57) {
    const lines = Array.from({ length: int(r, 1, 300) }, () => straceLine(r));
    const text = Buffer.from(lines.join("\n") + "\n");
    return { kind: "strace-grammar", bytes: r() < 0.5 ? mutate(r, text) : text };
  }
  if (p < 0.67) return { kind: "random-bytes", bytes: Buffer.from(Array.from({ length: int(r, 0, 4096) }, () => int(r, 0, 255))) };
  if (p < 0.77) return { kind: "rule-literals", bytes: r() < 0.3 ? mutate(r, randomText(r)) : randomText(r) };
  if (p < 0.83) {
    const gz = gzipSync(r() < 0.5 ? corpusWindow(r) : mutate(r, corpusWindow(r)));
    const q = r();
    const bytes = q < 0.34 ? gz.subarray(0, int(r, 2, gz.length)) : q < 0.67 ? mutate(r, gz) : gz;
    return { kind: "gzip", bytes: Buffer.from(bytes) };
  }
  if (p < 0.86) {
    const zip = corpusFiles().find((f) => f.name.endsWith(".zip"))?.bytes ?? Buffer.from("PK\x05\x06" + "\0".repeat(18), "latin1");
    const q = r();
    const bytes = q < 0.25 ? zip : q < 0.6 ? zip.subarray(0, int(r, 4, zip.length)) : (() => {
      const b = Buffer.from(zip);
      for (let i = 0, n = int(r, 1, 8); i < n; i++) b[int(r, 0, b.length - 1)] = int(r, 0, 255);
      return b;
    })();
    return { kind: "zip", bytes: Buffer.from(bytes) };
  }
  if (p < 0.9) return { kind: "edge", bytes: edge(r) };
  return { kind: "corpus-mutant", bytes: mutate(r, corpusWindow(r)) };
}

/** Splits an input into 1..6 chunks at seeded offsets (the first at least 16 bytes), as a stream would. */
export function chunked(bytes: Buffer, seed: number, index: number): Buffer[] {
  const r = rng((seed * 97 + index * 131 + 7) >>> 0);
  const cuts = new Set<number>();
  for (let i = 0, n = int(r, 0, 5); i < n && bytes.length > 17; i++) cuts.add(int(r, 16, bytes.length - 1));
  const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
  const chunks: Buffer[] = [];
  for (let i = 0; i + 1 < points.length; i++) if (points[i + 1] > points[i]) chunks.push(bytes.subarray(points[i], points[i + 1]));
  return chunks.length ? chunks : [bytes];
}

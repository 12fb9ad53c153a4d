// Property: whatever bytes arrive, detection and analysis never throw and always return a result.
import { describe, expect, it } from "vitest";
import { createStraceAnalyzer, detectStrace } from "../index";
import { parseStraceLine } from "../line-grammar";
import { rng } from "./trace-inputs";

const REAL = [
  `23149 22:03:40.309059 openat(AT_FDCWD</srv/ci/dev/report-svc>, "/etc/app/config.yaml", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000005>`,
  `23138 22:03:40.239923 openat(AT_FDCWD</srv/ci/dev/pricing-engine>, "/srv/ci/dev/shared-models/go.mod", O_RDONLY|O_CLOEXEC <unfinished ...>`,
  `23138 22:03:40.239988 <... openat resumed>) = -1 ENOENT (No such file or directory) <0.000055>`,
  `32203 22:15:30.450315 recvfrom(19<socket:[75980]>, "\\264\\36\\201\\203\\0\\1\\0\\0\\0\\0\\0\\0\\nnpm-mirror\\5build\\tacme-corp\\3net\\0\\0\\34\\0\\1", 2048, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, [28 => 16]) = 48 <0.000005>`,
  `15081 22:31:46.467177 getsockopt(5<socket:[29086]>, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0 <0.000004>`,
  `22880 22:03:32.419057 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=22882, si_uid=0, si_status=1, si_utime=0, si_stime=0} ---`,
  `23138 22:03:40.233447 <... clone3 resumed> => {parent_tid=[23140]}, 88) = 23140 <0.000056>`,
  `[pid 20604] +++ killed by SIGSEGV (core dumped) +++`,
  `23149 22:03:40.309122 write(2<pipe:[61753]>, "fatal: no configuration file found\\n", 35) = 35 <0.000066>`,
  `15133 22:31:45.100004 execve("/usr/local/bin/x", ["x", "--y"], 0x7ffd /* 3 vars */) = -1 ENOENT (No such file or directory)`,
  `  0.03    0.000045           7         6         6 connect`,
];

function soupLine(r: () => number): string {
  const len = Math.floor(r() * 300);
  let s = "";
  for (let i = 0; i < len; i++) s += String.fromCharCode(Math.floor(r() * (r() < 0.9 ? 128 : 0x3000)));
  return s;
}

/** A real line with random cuts, insertions and duplications of strace's punctuation. */
function mutated(r: () => number): string {
  let s = REAL[Math.floor(r() * REAL.length)];
  const edits = 1 + Math.floor(r() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * (s.length + 1));
    const pick = r();
    if (pick < 0.3) s = s.slice(0, at);
    else if (pick < 0.6) s = s.slice(0, at) + `"<>()[]{}\\=,+-. ?`[Math.floor(r() * 17)] + s.slice(at);
    else if (pick < 0.8) s = s.slice(0, at) + s.slice(at + Math.floor(r() * 20));
    else s = s.slice(0, at) + s.slice(at - 10, at) + s.slice(at);
  }
  return s;
}

describe("random input", () => {
  for (const seed of [1, 2, 3, 42, 1337]) {
    it(`never throws (seed ${seed})`, () => {
      const r = rng(seed);
      const lines = Array.from({ length: 2_000 }, () => (r() < 0.5 ? soupLine(r) : mutated(r)));
      expect(() => lines.forEach((l) => parseStraceLine(l))).not.toThrow();
      expect(() => detectStrace(lines.slice(0, 50))).not.toThrow();
      for (const kind of ["strace", "strace-summary"] as const) {
        const a = createStraceAnalyzer(kind, { baseDate: "2026-01-01", name: `trace.${seed}` });
        lines.forEach((text, i) => a.push({ no: i + 1, text, bytes: text.length + 1, file: i % 3 ? undefined : "x.1" }));
        const result = a.finish();
        expect(Array.isArray(result.events)).toBe(true);
        for (const e of result.events) expect(e.endLine).toBeGreaterThanOrEqual(e.line);
      }
    });
  }
});

// Is this input strace output? Decided from its first lines, strictly enough that build logs (which
// mention syscalls, `= ` assignments and `---` rulers) do not qualify.
import { SUMMARY_HEADER } from "./summary-table";

// [pid N] / bare pid, then optional -t/-tt/-ttt/-r stamp, then one of the strace line shapes.
// (`-Y` adds `<comm>` after pids, `-i`/`-n` a bracketed address or syscall number before the call.)
const PREFIX = String.raw`^\s*(?:\[pid\s+\d+(?:<[^>]{1,16}>)?\]\s+|\d+(?:<[^>]{1,16}>)?\s+)?(?:(?:\d{1,2}:\d{2}:\d{2}(?:\.\d+)?|\d+\.\d+)\s+)?(?:\[\s*[0-9a-f]+\]\s+)?`;
const CALL = new RegExp(PREFIX + String.raw`(?:[a-z_][a-z0-9_]*|syscall_0x[0-9a-f]+|\?\?\?)\(.*(?:\)\s+= (?:-?\d+|0x[0-9a-f]+|\?)|<unfinished \.\.\.>$)`);
const RESUMED = new RegExp(PREFIX + String.raw`<\.\.\. [a-z0-9_]+ resumed>.*\)\s+= (?:-?\d+|0x[0-9a-f]+|\?)`);
const MARKER = new RegExp(PREFIX + String.raw`(?:\+\+\+ (?:exited with \d+|killed by SIG[A-Z0-9]+)(?: \(core dumped\))? \+\+\+|--- SIG[A-Z0-9]+ \{.*\} ---)$`);
const FIRST_EXEC = new RegExp(PREFIX + String.raw`execve\("[^"]*", \[.*\], .*\) = 0`);

export function detectStrace(sample: string[]): "strace" | "strace-summary" | null {
  let lines = 0;
  let hits = 0;
  let firstIsExec = false;
  let summary = false;
  for (const raw of sample) {
    const text = raw.length > 4_096 ? raw.slice(0, 4_096) : raw;
    if (!text.trim()) continue;
    if (lines === 0) firstIsExec = FIRST_EXEC.test(text);
    lines++;
    if (SUMMARY_HEADER.test(text)) summary = true;
    else if (CALL.test(text) || RESUMED.test(text) || MARKER.test(text)) hits++;
  }
  // A table with a trace before it (`-C`) is a trace; a table on its own (maybe after the program's output) a summary.
  if (summary && hits < 3) return "strace-summary";
  if (hits >= 3 && hits * 5 >= lines * 2) return "strace";
  if (firstIsExec && hits >= 1) return "strace";
  return null;
}

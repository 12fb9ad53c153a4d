// Node.js runtime failures.
import type { Runbook } from "./types";

export const nodeRunbooks: Runbook[] = [
  {
    id: "node-heap-oom",
    ecosystem: "node",
    classes: ["out_of_memory"],
    title: "Node.js: JavaScript heap out of memory",
    summary: "V8 hit its heap limit ({detail}): the process really needs more heap than --max-old-space-size allows (large builds, bundlers, type checking), or it leaks memory.",
    diagnose: [
      { text: "What heap limit applies, and how much memory does the machine or container have?", command: "node -e 'console.log(require(\"v8\").getHeapStatistics().heap_size_limit / 1048576, \"MiB\")'\necho \"$NODE_OPTIONS\"\ncat /sys/fs/cgroup/memory.max 2>/dev/null; free -m" },
      { text: "Write heap snapshots as the limit approaches and compare them in Chrome DevTools (Memory tab) to find what grows.", command: "node --heapsnapshot-near-heap-limit=2 --max-old-space-size=512 <script.js>" },
      { text: "Watch GC behaviour: a steadily rising heap after each mark-sweep means a leak.", command: "node --trace-gc <script.js> 2>&1 | tail -20" },
    ],
    fix: [
      { text: "If the workload legitimately needs more, raise the limit (in MiB) below the container's memory limit.", command: "export NODE_OPTIONS=--max-old-space-size=4096" },
      { text: "If it leaks, fix the retaining structure the snapshots show (unbounded caches, arrays, listeners, closures)." },
    ],
    prevent: [
      { text: "Set NODE_OPTIONS explicitly for memory-heavy CI steps and size the runner accordingly; track peak memory of builds over time." },
    ],
  },
  {
    id: "node-system-error",
    ecosystem: "node",
    classes: ["enoent", "permission_denied"],
    title: "Node.js {code}: {syscall} {path}",
    summary: "A Node.js {syscall} call on {path} failed with {errno}: for ENOENT a relative path resolved against the wrong working directory or a file that is not deployed; for EACCES/EPERM a file owned by another user.",
    diagnose: [
      { text: "Relative paths resolve against process.cwd(), not the script's directory: check both.", command: "pwd\nls -la {path_dir}" },
      { text: "Check the path and its ownership as the user that runs the process.", command: "namei -l {path}\nid" },
      { text: "The stack trace under the error names the code that built the path; config loaders often use NODE_ENV or NODE_CONFIG_DIR.", command: "echo \"NODE_ENV=$NODE_ENV NODE_CONFIG_DIR=$NODE_CONFIG_DIR\"" },
    ],
    fix: [
      { text: "ENOENT: provide the file (deploy or generate it in an earlier step), or build the path from the module's directory (path.join(__dirname, ...) or new URL('./x', import.meta.url))." },
      { text: "EACCES/EPERM: give the file back to the user that runs Node instead of running Node as root.", command: "sudo chown -R \"$USER\": {path_dir}" },
    ],
    prevent: [
      { text: "Validate required files and directories at startup with a clear message, and run the service as one non-root user that owns its files." },
    ],
  },
];

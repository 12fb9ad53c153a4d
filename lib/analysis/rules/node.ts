// Node.js runtime failures: V8 heap exhaustion and system errors (`Error: ENOENT: ..., open 'x'`).
import { classFromErrno, splitAddress } from "./classify";
import type { Rule } from "./rule";

const NODE_ERROR_PROPERTIES = /^\s+at |^\s+[\w$]+: |^\s*[{}]\s*$|^Emitted 'error' event/;

export const nodeRules: Rule[] = [
  {
    id: "node.heap-out-of-memory",
    ecosystem: "node",
    class: "out_of_memory",
    runbookId: "node-heap-oom",
    literals: ["heap out of memory"],
    pattern: /(?:FATAL ERROR: (?<reason>[^\n]*?) - )?(?<detail>JavaScript heap out of memory)/,
  },
  {
    // libuv's message format: `<CODE>: <description>, <syscall> '<path>'[ -> '<dest>']`, printed with
    // the error's property block (`errno: -2`, `code: 'ENOENT'`, `syscall: 'open'`) and stack below.
    id: "node.system-error",
    ecosystem: "node",
    class: (f) => classFromErrno(f.errno),
    runbookId: "node-system-error",
    literals: ["ENOENT: ", "EACCES: ", "EPERM: ", "ENOSPC: ", "EROFS: ", "ENOTDIR: ", "ENOMEM: ", "EMFILE: "],
    pattern: /\b(?<errno>E[A-Z]{2,}): (?<desc>[a-z][^,\n]{0,200}), (?<syscall>[a-z_]+)(?: '(?<path>[^'\n]*)')?(?: -> '(?<dest>[^'\n]*)')?/,
    continuation: {
      line: NODE_ERROR_PROPERTIES,
      fields: [/^\s+syscall: '(?<syscall>\w+)'/, /^\s+path: '(?<path>[^']*)'/, /^\s+code: '(?<code>\w+)'/],
      max: 40,
    },
  },
  {
    // child_process failing to start a program: `Error: spawn esbuild ENOENT` (not on PATH), EACCES (not executable).
    id: "node.spawn-error",
    ecosystem: "node",
    class: (f) => classFromErrno(f.errno),
    runbookId: "node-system-error",
    literals: ["Error: spawn"],
    pattern: /\bError: (?<syscall>spawn(?:Sync)? (?<path>[^\s'"]+)) (?<errno>E[A-Z]{2,})\b/,
    continuation: { line: NODE_ERROR_PROPERTIES, max: 40 },
    post: (f) => {
      f.code = f.errno;
    },
  },
  {
    id: "node.cannot-find-module-path",
    ecosystem: "node",
    class: "enoent",
    literals: ["Cannot find module '"],
    pattern: /Error: Cannot find module '(?<path>(?:\/|\.\.?\/)[^'\n]+)'/,
    continuation: { line: /^\s*(?:Require stack:|- |at |\{|\}|\w+: )/, max: 30 },
  },
  {
    // Socket errors: `Error: connect ECONNREFUSED 127.0.0.1:5432`, `getaddrinfo ENOTFOUND host`.
    id: "node.socket-error",
    ecosystem: "node",
    class: (f) => classFromErrno(f.errno),
    literals: ["ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN", "read ECONNRESET"],
    pattern: /\b(?<syscall>connect|getaddrinfo|read|write) (?<errno>ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN) (?<address>[^\s,)'"]+)|^Error: (?<syscall2>read|write) (?<errno2>ECONNRESET)\s*$/,
    extract: [/(?<url>https?:\/\/[^\s'"<>()]+[^\s'"<>().,:;])/],
    continuation: { line: NODE_ERROR_PROPERTIES, max: 40 },
    post: (f) => {
      f.syscall ??= f.syscall2;
      f.errno ??= f.errno2;
      delete f.syscall2;
      delete f.errno2;
      f.code = f.errno;
      if (f.address === undefined) return;
      if (f.syscall === "getaddrinfo") f.host = f.address;
      else {
        splitAddress(f, f.address);
        // As node's error object has them: `address: '127.0.0.1'`, `port: 8089`.
        if (f.host !== undefined && f.port !== undefined) f.address = f.host;
      }
    },
  },
];

// pip and Python packaging. pip prints resolution failures as `ERROR: ...` lines, hash problems as a
// header followed by indented requirement lines, and subprocess failures as a `×`/`│`/`╰─>` box.
import { classFromErrno, classifyText, errnoName } from "./classify";
import type { Rule } from "./rule";

const REQ_LINE = /^\s+(?<package>[A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==(?<version>[^\s;]+) from (?<url>\S+?)(?:#\S*)?(?: \(from [^\n]*)?:?\s*$/;

export const pipRules: Rule[] = [
  {
    id: "pip.no-matching-version",
    ecosystem: "pip",
    class: "not_found",
    runbookId: "pip-no-matching-distribution",
    literals: ["Could not find a version that satisfies the requirement", "No matching distribution found for"],
    pattern: /(?:Could not find a version that satisfies the requirement|No matching distribution found for) (?<package>[^\s(]+)/,
    extract: [/\(from versions: (?<available>[^)]*)\)/],
    key: ["package"],
  },
  {
    id: "pip.hash-mismatch",
    ecosystem: "pip",
    class: "checksum_mismatch",
    runbookId: "pip-hash-mismatch",
    literals: ["DO NOT MATCH THE HASHES"],
    pattern: /THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE/,
    continuation: {
      line: /^\s+\S/,
      fields: [
        REQ_LINE,
        /^\s+(?<package>[A-Za-z0-9][\w.-]*) from (?<url>\S+?)(?:#\S*)?(?: \(from [^\n]*)?:?\s*$/,
        /^\s+Expected (?<algorithm>sha\d+|md5) (?<expected>[0-9a-f]+)/,
        /^\s+Got\s+(?<got>[0-9a-f]+)/,
      ],
      max: 40,
    },
    key: ["package", "version"],
  },
  {
    id: "pip.hashes-missing",
    ecosystem: "pip",
    class: "missing_checksum_entry",
    runbookId: "pip-require-hashes",
    literals: ["Hashes are required in --require-hashes mode"],
    pattern: /Hashes are required in --require-hashes mode/,
    continuation: {
      line: /^\s+\S/,
      fields: [/^\s+(?<package>[A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==(?<version>\S+) --hash=(?<suggested_hash>\S+)/],
      max: 40,
    },
    key: ["package", "version"],
  },
  {
    id: "pip.dependency-conflict",
    ecosystem: "pip",
    class: "version_conflict",
    runbookId: "pip-dependency-conflict",
    literals: ["because these package versions have conflicting dependencies", "requires a different Python"],
    pattern: /Cannot install (?<package>[^\n]+?) because these package versions have conflicting dependencies|Package '(?<package2>[^']+)' requires a different Python: (?<running_python>\S+) not in '(?<required_python>[^']+)'/,
    post: (f) => {
      f.package ??= f.package2;
      delete f.package2;
    },
    key: ["package"],
  },
  {
    // Installed anyway, but pip states the broken requirements below this header.
    id: "pip.incompatible-installed",
    ecosystem: "pip",
    class: "version_conflict",
    runbookId: "pip-dependency-conflict",
    literals: ["dependency resolver does not currently take into account"],
    pattern: /^ERROR: pip's dependency resolver does not currently take into account all the packages that are installed/,
    continuation: {
      line: /^\S+ \S+ requires \S+, but you have /,
      confirm: /which is incompatible/,
      fields: [/^(?<package>\S+) (?<version>\S+) requires (?<requirement>[^,\s]+), but you have (?<installed>[^\n]+?) which is incompatible/],
      max: 50,
    },
    key: ["package", "requirement"],
  },
  {
    // A package that refuses the interpreter it is built or installed for: pip's `requires a different
    // Python: 3.11.7 not in '>=3.12'`, or a setup.py that says so itself.
    id: "python.requires-version",
    ecosystem: "pip",
    class: "version_conflict",
    runbookId: "version-conflict",
    literals: ["requires a different Python", "requires Python "],
    pattern: /requires a different Python: (?<python>[\d.]+) not in '(?<required>[^'\n]+)'|requires Python (?<required2>[\d.]+\+?(?: or (?:newer|later|above|higher))?)/,
    post: (f) => {
      f.required ??= f.required2;
      delete f.required2;
    },
  },
  {
    // urllib3 retry warnings and pip's final OSError name the low-level cause inside the message.
    id: "pip.connection-retry",
    ecosystem: "pip",
    class: (f, text) => classFromErrno(f.errno) ?? classifyText(text),
    runbookId: "pip-index-unreachable",
    literals: ["Retrying (Retry(", "Max retries exceeded with url", "Could not fetch URL "],
    pattern: /^(?:(?<level>WARNING|ERROR): )?(?:Retrying \(Retry\(total=\d+|Could not install packages due to an \w+: |Could not fetch URL (?<url>\S+?): )/,
    extract: [
      /\[Errno (?<errno_num>-?\d+)\]/,
      /': (?<path>\/\S*)$/,
      /Max retries exceeded with url: (?<path2>\/\S*)/,
      /host='(?<host>[^']+)', port=(?<port>\d+)/,
      /(?:Caused by |connection broken by ')(?<cause>\w+)\(/,
    ],
    post: (f) => {
      if (f.errno_num !== undefined) f.errno = errnoName(f.errno_num) ?? String(f.errno_num);
      delete f.errno_num;
      f.path ??= f.path2;
      delete f.path2;
    },
    key: ["errno", "cause", "path", "host"],
  },
  {
    id: "pip.credentials-rejected",
    ecosystem: "pip",
    class: (f) => (Number(f.status) === 403 ? "http_403" : "http_401"),
    runbookId: "pip-index-auth",
    literals: ["Credentials not correct for"],
    pattern: /(?<status>40[13]) Error, Credentials not correct for (?<url>\S+)/,
  },
  {
    id: "pip.subprocess-failed",
    ecosystem: "pip",
    class: "process_exit",
    role: "exit",
    literals: ["did not run successfully"],
    pattern: /^\s*[×x] (?<command>\S[^\n]*?) did not run successfully\.?\s*$/,
    continuation: { line: /^\s*(?:│|\||╰─>|╰─|\+->)/, fields: [/exit code: (?<exit_code>-?\d+)/], max: 4 },
    key: ["command", "exit_code"],
  },
  {
    id: "pip.legacy-command-errored",
    ecosystem: "pip",
    class: "process_exit",
    role: "exit",
    literals: ["errored with exit status"],
    pattern: /^ERROR: Command errored out with exit status (?<exit_code>\d+): (?<command>[^\n]{0,200})/,
    key: ["exit_code"],
  },
];

// Go toolchain and module errors (cmd/go, go test, the compiler). Network-level errors that any Go
// program prints (`dial tcp ...`, `x509: ...`) are in network.ts.
import { classFromStatus } from "./classify";
import type { Rule } from "./rule";
import { GO_MODULE } from "./shared-extractors";

const SUMDB_PROBE = /\/supported\/?$/;

export const goRules: Rule[] = [
  {
    id: "go.missing-gosum-entry",
    ecosystem: "go",
    class: "missing_checksum_entry",
    runbookId: "go-missing-gosum-entry",
    literals: ["missing go.sum entry", "go.sum needed"],
    pattern: /missing go\.sum entry(?: for module providing package (?<package>[^\s;()]+)| for go\.mod file)?|updates to go\.sum needed/,
    extract: [GO_MODULE, /\(imported by (?<imported_by>[^\s)]+)\)/],
    continuation: { line: /^\s+go (?:get|mod download) \S/, fields: [/^\s+go mod download (?<module>\S+)/], max: 3 },
    key: ["package", "module"],
  },
  {
    id: "go.module-path-mismatch",
    ecosystem: "go",
    class: "module_path_mismatch",
    runbookId: "go-module-path-mismatch",
    literals: ["parsing go.mod:"],
    pattern: /^(?:go: |\s+)?(?<module>[^\s@:]+)@(?<version>[^\s:]+): parsing go\.mod:\s*$/,
    continuation: {
      line: /^\s+\S/,
      confirm: /module declares its path as/,
      fields: [/module declares its path as: (?<declared>\S+)/, /but was required as: (?<required>\S+)/],
      max: 4,
    },
    key: ["module", "declared"],
  },
  {
    id: "go.module-path-declared",
    ecosystem: "go",
    class: "module_path_mismatch",
    runbookId: "go-module-path-mismatch",
    literals: ["module declares its path as", "unexpected module path"],
    pattern: /module declares its path as: (?<declared>\S+)|parsing go\.mod: unexpected module path "(?<declared2>[^"]+)"/,
    extract: [GO_MODULE],
    continuation: { line: /^\s+but was required as:/, fields: [/but was required as: (?<required>\S+)/], max: 1 },
    post: (f) => {
      f.declared ??= f.declared2;
      delete f.declared2;
    },
    key: ["declared", "required"],
  },
  {
    id: "go.checksum-mismatch",
    ecosystem: "go",
    class: "checksum_mismatch",
    runbookId: "go-checksum-mismatch",
    literals: ["checksum mismatch"],
    pattern: /^(?:go: )?(?:verifying )?(?<module>[^\s@:]+)@(?<version>[^\s:/]+)(?:\/go\.mod)?: (?:verifying (?:module|go\.mod): )?checksum mismatch/,
    continuation: {
      line: /^\s+\S|^SECURITY ERROR|^This download does NOT match|^The bits may have been|^have intercepted the download|^For more information, see 'go help module-auth'/,
      blank: true,
      fields: [
        /^\s+downloaded:\s+(?<downloaded>\S+)/,
        /^\s+go\.sum:\s+(?<go_sum>\S+)/,
        /^\s+(?!go\.sum:)(?<sumdb_name>sum\.golang\.org|[\w-]+(?:\.[\w-]+)+):\s+(?<sumdb>h1:\S+)/,
      ],
      max: 12,
    },
    key: ["module", "version"],
  },
  {
    id: "go.module-cache-modified",
    ecosystem: "go",
    class: "checksum_mismatch",
    runbookId: "go-module-cache-modified",
    literals: ["has been modified"],
    pattern: /^(?<module>[^\s@:]+) (?<version>v[^\s:]+): (?:dir|zip|go\.mod) has been modified \((?<path>[^)\n]+)\)/,
    key: ["module", "version"],
  },
  {
    // `go -x` traces every fetch. The sumdb `/supported` probe answering 404 is expected (the proxy
    // does not proxy the checksum database), so it is not an event.
    id: "go.fetch-trace-status",
    ecosystem: "go",
    class: (f) => classFromStatus(f.status),
    runbookId: "go-proxy-http-error",
    literals: ["# get http"],
    pattern: /^# get (?<url>https?:\/\/\S+): (?<status>[45]\d\d)(?: (?<reason>[A-Z][A-Za-z ]*[a-z]))?/,
    post: (f) => !SUMDB_PROBE.test(String(f.url)),
    key: ["url", "status"],
  },
  {
    id: "go.proxy-http-status",
    ecosystem: "go",
    class: (f) => classFromStatus(f.status),
    runbookId: "go-proxy-http-error",
    literals: ["reading http"],
    pattern: /reading (?<url>https?:\/\/\S+): (?<status>[45]\d\d)(?: (?<reason>[A-Z][A-Za-z ]*[a-z]))?/,
    extract: [GO_MODULE],
    continuation: { line: /^\s+server response:/, fields: [/server response: (?<server_response>.+)$/], max: 3 },
    post: (f) => !SUMDB_PROBE.test(String(f.url)),
    key: ["url", "status"],
  },
  {
    id: "go.unknown-revision",
    ecosystem: "go",
    class: "not_found",
    runbookId: "go-unknown-revision",
    literals: ["unknown revision "],
    pattern: /(?:^|: )(?:invalid version: )?unknown revision (?!or path)(?<revision>[^\s:'"]+)/,
    extract: [GO_MODULE],
    key: ["module", "revision"],
  },
  {
    id: "go.no-matching-versions",
    ecosystem: "go",
    class: "not_found",
    runbookId: "go-module-not-found",
    literals: ["no matching versions for query", "cannot find module providing package", "no required module provides package"],
    pattern: /no matching versions for query "(?<version>[^"]+)"|cannot find module providing package (?<package>[^\s:]+)|no required module provides package (?<package2>[^\s:;]+)/,
    extract: [GO_MODULE, /module (?<module>[^\s:]+): no matching/],
    post: (f) => {
      f.package ??= f.package2;
      delete f.package2;
    },
    key: ["module", "package", "version"],
  },
  {
    id: "go.requires-newer-go",
    ecosystem: "go",
    class: "version_conflict",
    runbookId: "go-version-conflict",
    literals: ["requires go >=", "module requires Go ", "invalid go version", "toolchain not available", "but maximum version supported"],
    pattern: /requires go >= ?(?<required_go>\d[\w.-]*)(?: \(running go (?<running_go>\d[\w.-]*))?|note: module requires Go (?<required2>\d[\w.-]*)|invalid go version '(?<required3>[^']+)'|download go(?<required4>\d[\w.-]*) for [\w/]+: toolchain not available|go\.mod file indicates go (?<required5>[\d.]+), but maximum version supported by \w+ is (?<running2>[\d.]+)/,
    extract: [/^go: (?<module>[^\s@]+)@(?<version>\S+) requires go/],
    post: (f) => {
      f.required_go ??= f.required2 ?? f.required3 ?? f.required4 ?? f.required5;
      f.running_go ??= f.running2;
      for (const k of ["required2", "required3", "required4", "required5", "running2"]) delete f[k];
    },
    key: ["required_go", "running_go"],
  },
  {
    id: "go.inconsistent-vendoring",
    ecosystem: "go",
    class: "version_conflict",
    runbookId: "go-inconsistent-vendoring",
    literals: ["inconsistent vendoring", "updates to go.mod needed"],
    pattern: /^go: (?:inconsistent vendoring|updates to go\.mod needed)/,
    continuation: { line: /^\s+\S/, blank: true, max: 30 },
  },
  {
    id: "go.no-module",
    ecosystem: "go",
    class: "enoent",
    runbookId: "go-missing-file",
    literals: ["go.mod file not found", "directory not found"],
    pattern: /(?<path>go\.mod) file not found in current directory or any parent directory|^(?:go: )?stat (?<path2>\S+): directory not found/,
    post: (f) => {
      f.path ??= f.path2;
      delete f.path2;
    },
  },
  {
    id: "go.test-failed",
    ecosystem: "go",
    class: "test_failure",
    runbookId: "go-test-failure",
    literals: ["--- FAIL: "],
    pattern: /^\s*--- FAIL: (?<test>\S+)(?: \((?<duration>[\d.]+s)\))?/,
    // Subtests and t.Error output are indented below the failing test.
    continuation: { deeper: true, fields: [/^\s+(?<assertion>[\w.-]+_test\.go:\d+):/], max: 80 },
    key: ["test"],
  },
  {
    id: "go.test-package-failed",
    ecosystem: "go",
    class: "test_failure",
    runbookId: "go-test-failure",
    literals: ["FAIL\t", "FAIL "],
    pattern: /^FAIL\s+(?<package>[^\s[]+)\s+(?:[\d.]+s|\(cached\))\s*$/,
    role: "summary",
    fillAll: true,
    foldWindow: Infinity,
    key: ["package"],
    foldInto: ["go.test-failed"],
  },
  {
    id: "go.test-build-failed",
    ecosystem: "go",
    class: "compile_error",
    literals: ["FAIL\t", "FAIL "],
    pattern: /^FAIL\s+(?<package>\S+) \[(?:build|setup) failed\]/,
    role: "echo",
  },
  {
    id: "go.test-timeout",
    ecosystem: "go",
    class: "timeout",
    runbookId: "go-test-timeout",
    literals: ["panic: test timed out after"],
    pattern: /^panic: test timed out after (?<duration>\S+)/,
  },
  {
    id: "go.compile-error",
    ecosystem: "go",
    class: "compile_error",
    runbookId: "go-compile-error",
    literals: [".go:"],
    pattern: /^(?<file>[^\s:]*\.go):(?<lineno>\d+):(?<col>\d+): (?<message>\S.*)$/,
    key: ["file", "lineno", "message"],
  },
  {
    // cmd/go reports a failed VCS command as `git ls-remote -q origin in DIR: exit status 128:`.
    id: "go.vcs-exit-status",
    ecosystem: "go",
    class: "process_exit",
    role: "exit",
    literals: ["exit status "],
    pattern: /: (?<command>(?:git|hg|svn|bzr|fossil) [^:\n]*?) in (?<dir>\S+): exit status (?<exit_code>\d+)/,
    extract: [GO_MODULE],
  },
];

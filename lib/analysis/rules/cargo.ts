// Rust: rustc diagnostics and cargo's registry/network errors (a headline plus `Caused by:` chain).
import { classifyText } from "./classify";
import type { Rule } from "./rule";

const RUSTC_BLOCK = /^\s*(?:-->|\||\d+\s*\||= |\.\.\.)/;
const RUSTC_LOCATION = /^\s*--> (?<file>[^:\s]+):(?<lineno>\d+):(?<col>\d+)/;

export const cargoRules: Rule[] = [
  {
    id: "rust.compile-error",
    ecosystem: "cargo",
    class: "compile_error",
    runbookId: "rust-compile-error",
    literals: ["error["],
    pattern: /^error\[(?<code>E\d{4})\]: (?<message>[^\n]+)$/,
    continuation: { line: RUSTC_BLOCK, fields: [RUSTC_LOCATION], max: 60 },
  },
  {
    id: "rust.compile-error-plain",
    ecosystem: "cargo",
    class: "compile_error",
    runbookId: "rust-compile-error",
    literals: ["error: "],
    pattern: /^error: (?<message>[^\n]+)$/,
    // Only a diagnostic when rustc points at source right below it.
    continuation: { line: RUSTC_BLOCK, confirm: /^\s*--> /, fields: [RUSTC_LOCATION], max: 60 },
  },
  {
    // A manifest cargo could not read (a path dependency or workspace member not checked out): the OS
    // error ends the `Caused by:` chain, the path is a few lines above it.
    id: "cargo.manifest-unreadable",
    ecosystem: "cargo",
    class: (_f, text) => (/No such file or directory|os error 2\)/.test(text) ? "enoent" : /Permission denied|os error 13\)/.test(text) ? "permission_denied" : null),
    runbookId: "file-not-found",
    literals: ["failed to load manifest", "failed to read `"],
    pattern: /^error: failed to (?:load manifest for (?:workspace member|dependency) `(?<member>[^`\n]+)`|read `(?<path>[^`\n]+)`)/,
    continuation: { line: /^(?:Caused by:|referenced by )|^\s+\S/, blank: true, fields: [/failed to read `(?<path>[^`\n]+)`/, /\(os error (?<os_error>\d+)\)/], max: 20 },
    post: (f) => {
      if (f.os_error !== undefined) f.os_error = Number(f.os_error);
    },
    key: ["path"],
  },
  {
    id: "cargo.no-matching-package",
    ecosystem: "cargo",
    class: "not_found",
    runbookId: "cargo-dependency-resolution",
    literals: ["no matching package named", "failed to select a version for the requirement"],
    pattern: /no matching package named `(?<package>[^`]+)` found|failed to select a version for the requirement `(?<package2>[^`]+)`/,
    post: (f) => {
      f.package ??= f.package2;
      delete f.package2;
    },
  },
  {
    id: "cargo.version-conflict",
    ecosystem: "cargo",
    class: "version_conflict",
    runbookId: "cargo-dependency-resolution",
    literals: ["which could resolve this conflict", "requires rustc", "is not supported by the following package"],
    pattern: /failed to select a version for `(?<package>[^`]+)` which could resolve this conflict|package `(?<package2>[^`]+)` cannot be built because it requires rustc (?<required_rustc>\S+) or newer, while the currently active rustc version is (?<running_rustc>[^\s,]+)|rustc (?<running2>\S+) is not supported by the following packages?/,
    post: (f) => {
      f.package ??= f.package2;
      f.running_rustc ??= f.running2;
      delete f.package2;
      delete f.running2;
    },
  },
  {
    id: "cargo.checksum-changed",
    ecosystem: "cargo",
    class: "checksum_mismatch",
    runbookId: "cargo-checksum",
    literals: ["changed between lock files", "has changed:"],
    pattern: /checksum for `(?<package>[^`]+)` changed between lock files|the listed checksum of `(?<package2>[^`]+)` has changed/,
    post: (f) => {
      f.package ??= f.package2;
      delete f.package2;
    },
  },
  {
    id: "cargo.spurious-network-error",
    ecosystem: "cargo",
    class: (f) => classifyText(String(f.detail)),
    runbookId: "cargo-registry-unreachable",
    literals: ["spurious network error"],
    pattern: /^warning: spurious network error \(\d+ tr(?:y|ies) remaining\): (?<detail>[^\n]+)/,
    extract: [/Could not resolve host: (?<host>[^\s)]+)/],
    key: ["host"],
  },
  {
    // `error: failed to get/download/fetch ...` followed by `Caused by:` paragraphs; the class comes
    // from the deepest cause (curl's `[6] Couldn't resolve host name`, an HTTP status, ...).
    id: "cargo.fetch-failed",
    ecosystem: "cargo",
    class: (_f, text) => classifyText(text),
    runbookId: "cargo-registry-unreachable",
    literals: ["error: failed to ", "error: Unable to update"],
    pattern: /^error: (?<message>failed to (?:download|fetch|get|load source|update|query)[^\n]*|Unable to update (?:registry )?[^\n]*)$/,
    extract: [/`(?<package>[^`]+)` as a dependency/],
    continuation: {
      line: /^\s+\S|^Caused by:/,
      blank: true,
      fields: [/Could not resolve host: (?<host>[^\s)]+)/, /failed to (?:download from|fetch) `(?<url>[^`]+)`/, /\[(?<curl_code>\d+)\] /],
      max: 60,
    },
    role: "summary",
    foldWindow: 200,
    key: ["package", "host", "url"],
    foldInto: ["cargo.spurious-network-error"],
  },
  {
    id: "cargo.test-failed",
    ecosystem: "cargo",
    class: "test_failure",
    runbookId: "test-failure",
    literals: [" ... FAILED"],
    pattern: /^test (?<test>\S+) \.\.\. FAILED\s*$/,
  },
];

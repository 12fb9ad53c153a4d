// Test runners: TAP (node --test, tap, prove), node's spec reporter, Jest/Vitest, pytest, unittest.
// Go, Cargo, Gradle and Surefire test failures live with their ecosystems.
import type { Fields, Rule, RuleContext } from "./rule";

/** Report source locations relative to the project, as a developer would cite them. */
export function relativizeLocation(f: Fields, ctx: RuleContext): void {
  const loc = String(f.location ?? "");
  if (!loc.startsWith("/")) return;
  const markers = [
    ctx.projectName ? `/${ctx.projectName}/` : "",
    "/github/workspace/",
    "/workspace/",
  ].filter(Boolean);
  for (const m of markers) {
    const i = loc.lastIndexOf(m);
    if (i >= 0) {
      f.location = loc.slice(i + m.length);
      return;
    }
  }
  const runner = /^\/home\/runner\/work\/[^/]+\/[^/]+\/|^\/builds\/[^/]+\/[^/]+\/|^\/var\/lib\/jenkins\/workspace\/[^/]+\//.exec(loc);
  if (runner) {
    f.location = loc.slice(runner[0].length);
    return;
  }
  // Otherwise cut at the conventional top-level source/test directory of a project.
  const conventional = /\/(?:test|tests|spec|specs|__tests__|src|lib)\//.exec(loc);
  if (conventional) f.location = loc.slice(conventional.index + 1);
}

/** Python 3.11+ prints the test's full id in parentheses (`pkg.Class.test_x`); older ones the class. */
function unittestClassName(f: Fields): void {
  const suffix = `.${String(f.test)}`;
  if (typeof f.class_name === "string" && f.class_name.endsWith(suffix)) f.class_name = f.class_name.slice(0, -suffix.length);
}

export const testRunnerRules: Rule[] = [
  {
    id: "tap.not-ok",
    ecosystem: "node",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["not ok "],
    pattern: /^\s*not ok (?<number>\d+)(?: -)? (?<test>[^#\n]*[^#\s])(?:\s+#\s*(?<directive>TODO|SKIP|todo|skip)\b[^\n]*)?\s*$/,
    continuation: {
      deeper: true,
      fields: [/^\s+location: '(?<location>[^']+)'/, /^\s+failureType: '(?<failure_type>[^']+)'/, /^\s+code: '(?<code>[^']+)'/],
      max: 300,
    },
    // A parent whose failure is only that its subtests failed restates the children reported above.
    post: (f, ctx) => {
      if (f.directive || f.failure_type === "subtestsFailed") return false;
      relativizeLocation(f, ctx);
    },
  },
  {
    id: "tap.fail-count",
    ecosystem: "node",
    class: "test_failure",
    literals: ["# fail "],
    pattern: /^# fail (?<failed>[1-9]\d*)\s*$/,
    role: "summary",
    foldWindow: Infinity,
    foldInto: ["tap.", "node.spec-failed"],
  },
  {
    id: "node.spec-failed",
    ecosystem: "node",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["✖ "],
    pattern: /^\s*✖ (?<test>(?!failing tests)[^\n]*[^\s]) \([\d.]+m?s\)\s*$/,
  },
  {
    // mocha's spec reporter numbers each failing test where it ran: `    1) refills fractional seconds`.
    id: "mocha.test-failed",
    ecosystem: "node",
    class: "test_failure",
    runbookId: "test-failure",
    literals: [") "],
    pattern: /^ {4,}(?<n>\d{1,4})\) (?<test>[^\n]*[^\s:])$/,
    key: ["test"],
  },
  {
    // …and counts them after the passing ones: `  2 failing`.
    id: "mocha.failing-count",
    ecosystem: "node",
    class: "test_failure",
    runbookId: "test-failure",
    literals: [" failing"],
    pattern: /^ {2}(?<failed>\d+) failing\s*$/,
    role: "summary",
    foldWindow: 2_000,
    foldInto: ["mocha."],
  },
  {
    id: "jest.file-failed",
    ecosystem: "node",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["FAIL "],
    pattern: /^\s*FAIL\s+(?<file>\S+\.[cm]?[jt]sx?)(?:\s+>\s+(?<test>[^\n]*[^\s(]))?\s*(?:\([\d.]+ ?m?s\))?\s*$/,
  },
  {
    id: "jest.test-failed",
    ecosystem: "node",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["● "],
    pattern: /^\s*● (?!Console\s*$|Test suite failed to run)(?<test>[^\n]*[^\s])\s*$/,
    role: "summary",
    foldWindow: 400,
    foldInto: ["jest."],
  },
  {
    // pytest's progress line for a test file with failures: `tests/test_pricing.py .FF.F..   [100%]`.
    id: "pytest.progress",
    ecosystem: "python",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["%]"],
    pattern: /^(?<file>\S+\.py) (?<progress>[.sxXEF]*F[.sxXEF]*)\s+\[\s*\d+%\]\s*$/,
    post: (f) => {
      f.failed = String(f.progress).split("F").length - 1;
      delete f.progress;
    },
  },
  {
    // pytest's report of one failed test, under `= FAILURES =`: `____ test_discount_tiers[10-0.05] ____`.
    id: "pytest.failure-section",
    ecosystem: "python",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["___ "],
    pattern: /^_{3,} (?<test>(?:Test\w*\.)?test\w*(?:\[[^\]\n]*\])?) _{3,}$/,
    continuation: { line: /^(?!_{3,} |={3,} )/, blank: true, fields: [/^(?<file>\S+\.py):(?<lineno>\d+): /], max: 200 },
  },
  {
    // A test module pytest could not import (a renamed function, a syntax error): no test in it ran.
    id: "pytest.collection-error",
    ecosystem: "python",
    class: "compile_error",
    runbookId: "compile-error",
    literals: ["item / ", "items / ", "ERROR collecting "],
    pattern: /^collected \d+ items? \/ (?<errors>\d+) errors?\b|^_{3,} ERROR collecting (?<file>\S+) _{3,}$/,
  },
  {
    id: "pytest.failed",
    ecosystem: "python",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["FAILED"],
    pattern: /^FAILED (?<test>[^\s:]+(?:::[^\s:]+)+)(?: - (?<reason>[^\n]+))?$|^(?<test2>[^\s:]+(?:::[^\s:]+)+) FAILED\b/,
    post: (f) => {
      f.test ??= f.test2;
      delete f.test2;
    },
    // The short summary restates the failures reported above it (when pytest printed them).
    role: "summary",
    foldWindow: 2_000,
    foldInto: ["pytest.failure-section"],
  },
  {
    id: "unittest.failed",
    ecosystem: "python",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["FAIL: ", "ERROR: test"],
    pattern: /^(?:FAIL|ERROR): (?<test>test\w*) \((?<class_name>[\w.]+)\)/,
    post: unittestClassName,
    // The same test's verdict line (`-v`) comes first; this detail block restates it.
    key: ["test", "class_name"],
  },
  {
    // `python -m unittest -v`: one verdict per test as it runs (`test_x (pkg.Class.test_x) ... FAIL`).
    id: "unittest.verdict",
    ecosystem: "python",
    class: "test_failure",
    runbookId: "test-failure",
    literals: [" ... FAIL", " ... ERROR"],
    pattern: /^(?<test>test\w*) \((?<class_name>[\w.]+)\)(?: \S.*?)? \.\.\. (?:FAIL|ERROR)$/,
    post: unittestClassName,
    key: ["test", "class_name"],
  },
];

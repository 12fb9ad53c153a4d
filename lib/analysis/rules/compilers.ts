// Compiler diagnostics that are not tied to a package ecosystem: gcc/clang (C, C++, Objective-C,
// assembler), the GNU linker, and the TypeScript compiler. Go, Rust and JVM compilers live with their
// ecosystems.
import type { Rule } from "./rule";

export const compilerRules: Rule[] = [
  {
    id: "cc.compile-error",
    ecosystem: "cc",
    class: "compile_error",
    runbookId: "compile-error",
    literals: ["error: "],
    pattern: /^\s*(?<file>[^\s:]+\.(?:c|cc|cpp|cxx|c\+\+|h|hh|hpp|hxx|m|mm|s|S|cu)):(?<lineno>\d+):(?:(?<col>\d+):)? (?:fatal )?error: (?<message>\S[^\n]*)$/,
  },
  {
    id: "ld.undefined-reference",
    ecosystem: "cc",
    class: "compile_error",
    runbookId: "compile-error",
    literals: ["undefined reference to", "Undefined symbols for architecture"],
    pattern: /undefined reference to [`'](?<symbol>[^'`\n]+)'|Undefined symbols for architecture (?<arch>\w+)/,
  },
  {
    id: "ld.exit-status",
    ecosystem: "cc",
    class: "process_exit",
    literals: ["ld returned"],
    pattern: /^collect2: error: ld returned (?<exit_code>\d+) exit status/,
    role: "echo",
  },
  {
    id: "tsc.compile-error",
    ecosystem: "node",
    class: "compile_error",
    runbookId: "compile-error",
    literals: ["error TS"],
    pattern: /^(?<file>[^\s(:]+\.(?:ts|tsx|mts|cts|js|jsx|vue))(?:\((?<lineno>\d+),(?<col>\d+)\):|:(?<lineno2>\d+):(?<col2>\d+) -) error (?<code>TS\d+): (?<message>[^\n]+)$/,
    post: (f) => {
      f.lineno ??= f.lineno2;
      f.col ??= f.col2;
      delete f.lineno2;
      delete f.col2;
    },
  },
  {
    // A Python import of a module that is not installed (or not on the path): `No module named 'tabulate'`.
    id: "python.module-not-found",
    ecosystem: "python",
    class: "not_found",
    runbookId: "resource-not-found",
    literals: ["ModuleNotFoundError: No module named"],
    pattern: /^(?:E\s+)?ModuleNotFoundError: No module named '(?<module>[^'\n]+)'/,
  },
  {
    // Python refusing to compile a module (a build script, a code generator): the traceback's last line.
    id: "python.syntax-error",
    ecosystem: "python",
    class: "compile_error",
    runbookId: "compile-error",
    literals: ["SyntaxError: ", "IndentationError: ", "TabError: "],
    pattern: /^(?<error>SyntaxError|IndentationError|TabError): (?<message>\S[^\n]*)$/,
  },
];

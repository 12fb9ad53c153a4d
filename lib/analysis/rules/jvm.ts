// Maven, Gradle and the Java/Kotlin compilers.
import { classifyText } from "./classify";
import type { Rule } from "./rule";

export const jvmRules: Rule[] = [
  {
    id: "maven.artifact-not-found",
    ecosystem: "maven",
    class: "not_found",
    runbookId: "maven-dependency-resolution",
    literals: ["Could not find artifact "],
    pattern: /Could not find artifact (?<package>\S+) in (?<repository>\S+)(?: \((?<url>[^)\s]+)\))?/,
  },
  {
    id: "maven.transfer-failed",
    ecosystem: "maven",
    class: (f) => classifyText(String(f.detail)),
    runbookId: "maven-dependency-resolution",
    literals: ["Could not transfer artifact ", "Failed to transfer "],
    pattern: /(?:Could not transfer artifact|Failed to transfer(?: file)?) (?<package>\S+)(?: from\/to (?<repository>\S+) \((?<url>[^)\s]+)\))?: (?<detail>[^\n]+)/,
    post: (f) => {
      const status = /(?:status code:? |status: |Return code is: |\()(\d{3})\b/.exec(String(f.detail));
      if (status) f.status = Number(status[1]);
      // `authentication failed for <the file's URL>, status: 401`: the file asked for, not the repository.
      const file = /\bfor (https?:\/\/[^\s,]+)/.exec(String(f.detail));
      if (file) f.url = file[1];
    },
  },
  {
    id: "maven.unresolvable-parent",
    ecosystem: "maven",
    class: (f) => classifyText(String(f.detail)) ?? "not_found",
    runbookId: "maven-dependency-resolution",
    literals: ["Non-resolvable parent POM"],
    pattern: /Non-resolvable parent POM for (?<project>\S+): (?<detail>[^\n]+)/,
  },
  {
    id: "gradle.could-not-find",
    ecosystem: "gradle",
    class: "not_found",
    runbookId: "gradle-dependency-resolution",
    literals: ["Could not find "],
    pattern: /Could not find (?<package>[\w.-]+:[\w.-]+(?::[\w.+-]*[\w+-])?)\.?\s*$/,
  },
  {
    // Offline or without the repository: `Could not resolve dependencies for project g:a:v: … the artifact
    // g:a:jar:v has not been downloaded from it before` (or was not found).
    id: "maven.unresolved-dependencies",
    ecosystem: "maven",
    class: (f) => classifyText(String(f.detail)) ?? "not_found",
    runbookId: "maven-dependency-resolution",
    literals: ["Could not resolve dependencies for project"],
    pattern: /Could not resolve dependencies for project (?<project>\S+?): (?<detail>[^\n]+)/,
    extract: [/the artifact (?<package>\S+) has not been downloaded/, /(?:Could not find artifact|The following artifacts could not be resolved:) (?<package>[^\s,]+)/],
    role: "summary",
    foldWindow: 40,
    foldInto: ["maven."],
  },
  {
    // A class the program needs is not on its runtime class path (a dependency left out of the jar).
    id: "jvm.class-not-found",
    ecosystem: "jvm",
    class: "not_found",
    runbookId: "resource-not-found",
    literals: ["NoClassDefFoundError: ", "ClassNotFoundException: "],
    pattern: /(?:Exception in thread "[^"\n]*" )?(?:java\.lang\.)?(?<exception>NoClassDefFoundError|ClassNotFoundException): (?<class_name>[\w$./-]+)/,
    continuation: { line: /^\s+at |^\s*\.\.\. \d+ more|^Caused by: /, max: 60 },
    post: (f) => {
      f.class_name = String(f.class_name).replace(/\//g, ".");
    },
    key: ["class_name"],
  },
  {
    id: "maven.compile-error",
    ecosystem: "maven",
    class: "compile_error",
    runbookId: "jvm-compile-error",
    literals: [".java:[", ".kt:[", ".scala:[", ".groovy:["],
    pattern: /^\[ERROR\] (?<file>\S+\.(?:java|kt|scala|groovy)):\[(?<lineno>\d+)(?:,(?<col>\d+))?\] (?<message>\S[^\n]*)$/,
  },
  {
    id: "javac.compile-error",
    ecosystem: "gradle",
    class: "compile_error",
    runbookId: "jvm-compile-error",
    literals: [".java:"],
    pattern: /^(?<file>\S+\.java):(?<lineno>\d+): error: (?<message>[^\n]+)$/,
  },
  {
    id: "kotlin.compile-error",
    ecosystem: "gradle",
    class: "compile_error",
    runbookId: "jvm-compile-error",
    literals: ["e: file:", "e: /"],
    pattern: /^e: (?:file:\/\/)?(?<file>\S+\.kts?)(?::(?<lineno>\d+):(?<col>\d+)|: \((?<lineno2>\d+), (?<col2>\d+)\)):? (?<message>[^\n]+)$/,
    post: (f) => {
      f.lineno ??= f.lineno2;
      f.col ??= f.col2;
      delete f.lineno2;
      delete f.col2;
    },
  },
  {
    id: "gradle.test-failed",
    ecosystem: "gradle",
    class: "test_failure",
    runbookId: "test-failure",
    literals: [" FAILED"],
    pattern: /^(?<class_name>[\w.$]+) > (?<test>[^\n]*[^\s]) FAILED\s*$/,
  },
  {
    id: "surefire.test-failed",
    ecosystem: "maven",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["<<< FAILURE!", "<<< ERROR!"],
    // Surefire 2 (`test(Class)  Time elapsed`) and 3 (`Class.test -- Time elapsed`).
    pattern: /^\[ERROR\] (?:(?<test>\w+)\((?<class_name>[\w.$]+)\)|(?<class2>[\w.$]+)\.(?<test2>\w+))\s+(?:-- )?Time elapsed: [^<\n]*<<< (?:FAILURE|ERROR)!/,
    post: (f) => {
      f.test ??= f.test2;
      f.class_name ??= f.class2;
      delete f.test2;
      delete f.class2;
    },
  },
  {
    // The test class's tally, printed before its failing tests: `Tests run: 4, Failures: 2, … <<< FAILURE! -- in pkg.Class`.
    id: "surefire.class-failed",
    ecosystem: "maven",
    class: "test_failure",
    runbookId: "test-failure",
    literals: ["<<< FAILURE!", "<<< ERROR!"],
    pattern: /^\[ERROR\] Tests run: \d+, Failures: (?<failed>\d+), Errors: (?<errors>\d+),[^<\n]*<<< (?:FAILURE|ERROR)! -{1,2} in (?<class_name>[\w.$]+)/,
    post: (f) => {
      f.failed = Number(f.failed);
      f.errors = Number(f.errors);
    },
  },
  {
    id: "jvm.class-version",
    ecosystem: "jvm",
    class: "version_conflict",
    runbookId: "jvm-version",
    literals: ["Unsupported class file major version", "compiled by a more recent version of the Java Runtime", "not supported", "invalid target release"],
    pattern: /Unsupported class file major version (?<class_version>\d+)|compiled by a more recent version of the Java Runtime \(class file version (?<class_version2>[\d.]+)\)|release version (?<release>\d+) not supported|invalid target release: (?<release2>\d+)/,
    post: (f) => {
      f.class_version ??= f.class_version2;
      f.release ??= f.release2;
      delete f.class_version2;
      delete f.release2;
    },
  },
];

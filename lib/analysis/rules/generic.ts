// Tool-independent signals: filesystem errno messages, memory and disk exhaustion, HTTP status lines,
// rate limits and exit-status summaries. These run after the ecosystem tables, which know more fields.
import type { EventClass } from "../types";
import { classFromStatus } from "./classify";
import type { Fields, Rule } from "./rule";
import { ANY_URL, GO_HTTP_URL, GO_MODULE, QUOTED_ACCESS_URL } from "./shared-extractors";

const REASON_CLASS: [RegExp, EventClass][] = [
  [/no such file|not a directory/i, "enoent"],
  [/permission denied|operation not permitted|read-only file system/i, "permission_denied"],
  [/no space left/i, "disk_full"],
];

function classFromReason(f: Fields): EventClass | null {
  const reason = String(f.reason ?? "");
  for (const [re, cls] of REASON_CLASS) if (re.test(reason)) return cls;
  return null;
}

const FS_REASONS = "No such file or directory|Permission denied|No space left on device|Read-only file system|Not a directory|Operation not permitted";
const nonZeroExit = (f: Fields) => Number(f.exit_code) !== 0;

export const genericRules: Rule[] = [
  {
    // `sha256sum -c` / `md5sum -c`: a file whose digest differs from the list's.
    id: "checksum.verify-failed",
    ecosystem: "coreutils",
    class: "checksum_mismatch",
    runbookId: "checksum-mismatch",
    literals: [": FAILED"],
    pattern: /^(?<path>[^\s:]+): FAILED$/,
    // A file name (`app.tar.gz`, `dist/app`), not a test or step name printed the same way.
    post: (f) => /[./]/.test(String(f.path)),
  },
  {
    id: "checksum.verify-summary",
    ecosystem: "coreutils",
    class: "checksum_mismatch",
    runbookId: "checksum-mismatch",
    literals: ["computed checksum", "computed checksums"],
    pattern: /^(?<tool>(?:sha\d+|md5|b2)sum): WARNING: (?<count>\d+) computed checksums? did NOT match/,
    role: "summary",
  },
  {
    // Go's *PathError: `open /x/go.mod: no such file or directory`, `fork/exec /bin/x: permission denied`.
    id: "fs.go-path-error",
    ecosystem: "fs",
    class: classFromReason,
    literals: ["no such file or directory", "permission denied", "no space left on device", "read-only file system", "not a directory", "operation not permitted"],
    pattern: /(?:^|: )(?<syscall>open|stat|lstat|mkdir|mkdirall|remove|rename|chdir|readlink|symlink|unlinkat|openat|fork\/exec|exec|chmod|chown|lchown|link|create|write|read) (?<path>[^\s:]+): (?<reason>no such file or directory|permission denied|no space left on device|read-only file system|not a directory|operation not permitted)/,
    extract: [/^go build (?<package>[^\s:]+):/, GO_MODULE],
  },
  {
    // coreutils, bash and most C tools: `cat: x.yml: No such file or directory`,
    // `cp: cannot create regular file 'dist/x': Permission denied`.
    id: "fs.tool-path-error",
    ecosystem: "fs",
    class: classFromReason,
    literals: ["No such file or directory", "Permission denied", "No space left on device", "Read-only file system", "Not a directory", "Operation not permitted"],
    pattern: new RegExp(`^(?<tool>[\\w.+/-]+): (?:(?:line )?\\d+: )?(?:[^:'‘\\n]* )?(?:'(?<qpath>[^'\\n]+)'|‘(?<upath>[^’\\n]+)’|(?<path>[^\\s:'‘]+)): (?<reason>${FS_REASONS})`),
    post: (f) => {
      f.path ??= f.qpath ?? f.upath;
      delete f.qpath;
      delete f.upath;
    },
  },
  {
    // PostgreSQL, Python and others quote the path: `could not open file "base/1/2": Permission denied`.
    id: "fs.quoted-path-error",
    ecosystem: "fs",
    class: classFromReason,
    literals: ["could not "],
    pattern: new RegExp(`could not (?:open|create|write|read|stat|access|remove|rename|link) (?:file|directory|lock file) "(?<path>[^"\\n]+)": (?<reason>${FS_REASONS})`),
  },
  {
    // JVM: `java.io.FileNotFoundException: /x (No such file or directory)`, NIO exceptions.
    id: "fs.java-file-error",
    ecosystem: "jvm",
    class: (f) => classFromReason(f) ?? (f.exception === "AccessDeniedException" ? "permission_denied" : "enoent"),
    literals: ["FileNotFoundException: ", "NoSuchFileException: ", "AccessDeniedException: "],
    pattern: new RegExp(`(?<exception>FileNotFoundException|NoSuchFileException|AccessDeniedException): (?<path>[^\\s(]+)(?: \\((?<reason>${FS_REASONS})\\))?`),
  },
  {
    // GNU make: a prerequisite that is neither a file nor a target (a renamed or missing source).
    id: "make.no-rule",
    ecosystem: "make",
    class: "enoent",
    runbookId: "file-not-found",
    literals: ["No rule to make target"],
    pattern: /^make(?:\[\d+\])?: \*\*\* No rule to make target [`'‘](?<path>[^'’\n]+)['’](?:, needed by [`'‘](?<target>[^'’\n]+)['’])?/,
  },
  {
    // gzip (alone or under tar) reading an archive whose stored CRC or length does not match its data.
    id: "gzip.integrity",
    ecosystem: "fs",
    class: "checksum_mismatch",
    runbookId: "checksum-mismatch",
    literals: ["invalid compressed data--"],
    pattern: /^(?:gzip|gunzip|zcat): (?<file>\S+): invalid compressed data--(?<detail>crc error|length error|format violated)/,
  },
  {
    id: "fs.executable-not-found",
    ecosystem: "fs",
    class: "enoent",
    runbookId: "command-not-found",
    literals: ["executable file not found in $PATH", "` not found"],
    pattern: /exec: "(?<path>[^"]+)": executable file not found in \$PATH|linker `(?<path2>[^`]+)` not found/,
    post: (f) => {
      f.path ??= f.path2;
      delete f.path2;
    },
  },
  {
    id: "fs.command-not-found",
    ecosystem: "fs",
    class: "enoent",
    runbookId: "command-not-found",
    literals: ["not found"],
    pattern: /^(?<tool>[\w.+/-]+): (?:line )?(?:\d+: )?(?<command>[^\s:]+): (?:command )?not found\s*$/,
    post: (f) => {
      f.path = f.command;
    },
  },
  {
    id: "os.disk-full",
    ecosystem: "os",
    class: "disk_full",
    runbookId: "disk-full",
    literals: ["No space left on device", "no space left on device", "ENOSPC", "isk quota exceeded", "enough free space", "not enough space on the disk"],
    pattern: /(?<detail>[Nn]o space left on device|ENOSPC(?!: System limit for number of file watchers)|[Dd]isk quota exceeded|(?:don't have|not) enough free space|not enough space on the disk)/,
    extract: [/(?:write|open|mkdir|create) (?<path>\/[^\s:]+): no space/],
  },
  {
    id: "os.oom-killed",
    ecosystem: "os",
    class: "out_of_memory",
    runbookId: "out-of-memory",
    literals: ["Killed", "signal: killed"],
    pattern: /^(?:[\w.+/-]+: (?:line \d+: +)?)?(?:\d+ +)?(?<detail>Killed)(?:\s+\S[^\n]*)?$|(?<detail2>Killed signal terminated program) (?<program>\S+)|(?<detail3>OOMKilled)|(?:^|: )(?<detail4>signal: killed)\s*$/,
    post: (f) => {
      f.detail ??= f.detail2 ?? f.detail3 ?? f.detail4;
      delete f.detail2;
      delete f.detail3;
      delete f.detail4;
    },
  },
  {
    id: "os.out-of-memory",
    ecosystem: "os",
    class: "out_of_memory",
    runbookId: "out-of-memory",
    literals: ["out of memory", "Out of memory", "OutOfMemoryError", "MemoryError", "Cannot allocate memory", "bad_alloc"],
    pattern: /(?<detail>Out of memory: Killed process \d+|fatal error: runtime: out of memory|java\.lang\.OutOfMemoryError(?:: [\w ]*\w)?|^MemoryError\b|Cannot allocate memory|std::bad_alloc|CUDA out of memory|[Oo]ut of memory)/,
  },
  {
    id: "http.status-line",
    ecosystem: "http",
    class: (f) => classFromStatus(f.status),
    literals: ["HTTP/"],
    pattern: /\bHTTP\/\d(?:\.\d)? (?<status>[45]\d\d)\b(?: (?<reason>[A-Z][A-Za-z ]*[a-z]))?/,
    extract: [ANY_URL],
  },
  {
    id: "http.client-error",
    ecosystem: "http",
    class: (f) => classFromStatus(f.status),
    literals: ["returned error: ", "status code", "Client Error: ", "ERROR 4", "while getting http", "awaiting response... ", "HTTP Error 4"],
    pattern: /The requested URL returned error: (?<status>\d{3})|[Rr]eceived status code (?<status2>\d{3})|status code:? (?<status3>[45]\d\d)\b|(?<status4>[45]\d\d) Client Error: [\w ]+ for url: (?<url>\S+)|^ERROR (?<status5>[45]\d\d): |HTTP error (?<status6>[45]\d\d) while getting (?<url2>\S+)|awaiting response\.\.\. (?<status7>[45]\d\d) |HTTP Error (?<status8>4\d\d): /,
    extract: [QUOTED_ACCESS_URL, /(?:GET|HEAD) '(?<url>[^']+)'/, ANY_URL],
    post: (f) => {
      f.status = Number(f.status ?? f.status2 ?? f.status3 ?? f.status4 ?? f.status5 ?? f.status6 ?? f.status7 ?? f.status8);
      f.url ??= f.url2;
      for (const k of ["status2", "status3", "status4", "status5", "status6", "status7", "status8", "url2"]) delete f[k];
    },
  },
  {
    id: "http.rate-limited",
    ecosystem: "http",
    class: "rate_limited",
    runbookId: "rate-limited",
    literals: ["rate limit", "Too Many Requests", "toomanyrequests"],
    pattern: /(?<detail>API rate limit exceeded|[Rr]ate limit exceeded|secondary rate limit|You have reached your pull rate limit|toomanyrequests|Too Many Requests)/,
    extract: [GO_MODULE, GO_HTTP_URL, ANY_URL],
  },
  {
    id: "ci.job-timeout",
    ecosystem: "ci",
    class: "timeout",
    runbookId: "ci-job-timeout",
    literals: ["exceeded the maximum execution time", "execution took longer than"],
    pattern: /exceeded the maximum execution time of (?<limit>\d+ \w+)|execution took longer than (?<limit2>\S+)/,
    post: (f) => {
      f.limit ??= f.limit2;
      delete f.limit2;
    },
  },
  {
    // Tools that end by saying they stop: tar after its compressor failed, rsync with its exit code.
    id: "tool.gave-up",
    ecosystem: "ci",
    class: "process_exit",
    role: "exit",
    literals: ["tar: Child returned status", "tar: Error is not recoverable", "rsync error: "],
    pattern: /^tar: Child returned status (?<exit_code>\d+)|^tar: Error is not recoverable: exiting now|^rsync error: (?<detail>[^(\n]+?) \(code (?<exit_code2>\d+)\)/,
    post: (f) => {
      f.exit_code ??= f.exit_code2;
      delete f.exit_code2;
      if (f.exit_code !== undefined) f.exit_code = Number(f.exit_code);
      return f.exit_code === undefined || nonZeroExit(f);
    },
  },
  {
    id: "ci.exit-code",
    ecosystem: "ci",
    class: "process_exit",
    role: "exit",
    literals: ["exit code", "] Error ", "exited with", "non-zero code", "exit status "],
    pattern: /Process completed with exit code (?<exit_code>\d+)|^make(?:\[\d+\])?: \*\*\* (?:\[(?<target>[^\]\n]*)\] )?Error (?<exit_code2>\d+)|Job failed: exit code (?<exit_code3>\d+)|script returned exit code (?<exit_code4>\d+)|^(?:error )?Command failed with exit code (?<exit_code5>\d+)|did not complete successfully: exit code: (?<exit_code6>\d+)|The command exited with status (?<exit_code7>\d+)|returned a non-zero code: (?<exit_code8>\d+)|(?:^|: )exit status (?<exit_code9>\d+)\s*:?$/,
    post: (f) => {
      for (let i = 2; i <= 9; i++) {
        f.exit_code ??= f[`exit_code${i}`];
        delete f[`exit_code${i}`];
      }
      f.exit_code = Number(f.exit_code);
      // GNU make 4 names the rule's place first: `[Makefile:8: build/glyphs.o]`.
      const at = typeof f.target === "string" ? /^(?<makefile>[^:\s]+):(?<makefile_line>\d+): (?<target>.+)$/.exec(f.target) : null;
      if (at?.groups) {
        f.target = at.groups.target;
        f.makefile = at.groups.makefile;
        f.makefile_line = Number(at.groups.makefile_line);
      }
      return nonZeroExit(f);
    },
  },
];

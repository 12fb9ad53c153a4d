// Generic runbooks: the fallback for each event class when no rule-specific runbook exists, and the
// runbooks of the analyzer's generic rules (disk full, OOM kill, command not found, test failures).
import type { Runbook } from "./types";

export const genericRunbooks: Runbook[] = [
  {
    id: "file-not-found",
    ecosystem: "generic",
    classes: ["enoent"],
    title: "No such file or directory: {path}",
    summary: "A program needed {path} and it does not exist: a relative path resolved against an unexpected working directory, a file an earlier step should have produced, a missing tool, or a typo in configuration.",
    diagnose: [
      { text: "Walk the path component by component to see where it stops existing.", command: "namei -l {path}" },
      { text: "Look at the directory that should contain it, and at the working directory (relative paths resolve against it).", command: "ls -la {path_dir}\npwd" },
      { text: "Find where the path is configured.", command: "grep -rnF -- {path} . 2>/dev/null | head" },
    ],
    fix: [
      { text: "Create or restore the file (commit it, generate it in an earlier CI step, or download the artifact), or fix the path in the configuration; for relative paths, run from the expected directory or use an absolute path." },
    ],
    prevent: [
      { text: "Check required files at the start of the job with a clear message, and pass artifacts between CI steps explicitly." },
    ],
  },
  {
    id: "command-not-found",
    ecosystem: "generic",
    classes: ["enoent"],
    title: "Command not found: {tool}",
    summary: "The shell could not find {tool} on PATH: it is not installed in this runner image, installed in a directory not on PATH, or the name is misspelled.",
    diagnose: [
      { text: "Is it installed anywhere, and what is PATH?", command: "command -v {tool}\necho \"$PATH\" | tr : '\\n'" },
      { text: "Which package provides it (Debian/Ubuntu)?", command: "apt-cache search --names-only {tool}" },
    ],
    fix: [
      { text: "Install the tool in the job (or the runner image) at a pinned version, or add its install directory to PATH (e.g. $HOME/go/bin, $HOME/.local/bin, ./node_modules/.bin)." },
    ],
    prevent: [
      { text: "List the tools each job needs in the runner image definition (or a setup step) with versions, and check them at the start of the job." },
    ],
  },
  {
    id: "checksum-mismatch",
    ecosystem: "generic",
    classes: ["checksum_mismatch"],
    title: "Checksum mismatch",
    summary: "Downloaded content does not match the checksum recorded for it (expected {expected}, got {got}): the source changed after the checksum was recorded, a cache or proxy corrupted it, or it was tampered with.",
    diagnose: [
      { text: "Download the file again, bypassing caches, and hash it yourself.", command: "curl -sL {url} | sha256sum" },
      { text: "Find out when and by whom the recorded checksum was last changed (lockfile history)." },
    ],
    fix: [
      { text: "If the source is right and the download was wrong, clear the tool's cache and retry. If the source changed, treat it as a possible supply-chain incident: confirm with the publisher before recording the new checksum; never just delete the check." },
    ],
    prevent: [
      { text: "Fetch through one caching proxy so all builds see the same bytes, and treat published versions as immutable." },
    ],
  },
  {
    id: "missing-checksum-entry",
    ecosystem: "generic",
    classes: ["missing_checksum_entry"],
    title: "Missing checksum entry for {package}",
    summary: "The lockfile has no checksum for {package}, and the tool refuses to install unverified content: the dependency list changed without regenerating the lock.",
    diagnose: [
      { text: "See whether the dependency manifest changed without the lockfile.", command: "git diff --stat HEAD~1" },
    ],
    fix: [
      { text: "Regenerate the lockfile with the tool on a trusted machine, review the new entries, and commit them." },
    ],
    prevent: [
      { text: "Fail CI when the lockfile is out of date with the manifest, instead of letting the build rewrite it." },
    ],
  },
  {
    id: "http-unauthorized",
    ecosystem: "generic",
    classes: ["http_401"],
    title: "401 Unauthorized from {host}",
    summary: "{host} wants credentials and did not accept the ones sent (none, expired, or for another realm).",
    diagnose: [
      { text: "Repeat the request and read the WWW-Authenticate header (it names the scheme and realm).", command: "curl -sv -o /dev/null {url} 2>&1 | grep -iE '^< (HTTP|www-authenticate)'" },
      { text: "Find where the tool takes credentials from (config files, ~/.netrc, environment) and check they are for this host.", command: "grep -nF -- {hostname} ~/.netrc" },
    ],
    fix: [
      { text: "Provide a valid token for this host from the CI secret store (renew it if it expired)." },
    ],
    prevent: [
      { text: "Use short-lived per-job credentials and alert before long-lived tokens expire." },
    ],
  },
  {
    id: "http-forbidden",
    ecosystem: "generic",
    classes: ["http_403"],
    title: "403 Forbidden from {host}",
    summary: "{host} understood who is asking and refused: the identity lacks permission for {url}, or a policy (IP allow list, SSO, blocked artifact) forbids it.",
    diagnose: [
      { text: "Repeat the request and read the body; servers usually say why.", command: "curl -sv {url}" },
      { text: "Check which identity the tool uses for this host." },
    ],
    fix: [
      { text: "Grant the CI identity the permission it needs, authorise the token for the organisation's SSO, or allow the runner's egress IP; if a policy blocks the artifact, use an allowed one." },
    ],
    prevent: [
      { text: "Manage CI identities and their permissions as code, one identity per purpose." },
    ],
  },
  {
    id: "resource-not-found",
    ecosystem: "generic",
    classes: ["not_found"],
    title: "Not found: {url}",
    summary: "The server has nothing at {url} (404/410), or a name, version, branch or tag does not exist — or it is private and hidden from these credentials.",
    diagnose: [
      { text: "Repeat the request.", command: "curl -sv -o /dev/null {url}" },
      { text: "Check the name and version in the configuration against what the server offers." },
    ],
    fix: [
      { text: "Fix the name, version or URL; publish the missing item; or give the identity access if the resource is private." },
    ],
    prevent: [
      { text: "Pin exact versions in lockfiles and never delete published versions." },
    ],
  },
  {
    id: "auth-required",
    ecosystem: "generic",
    classes: ["auth_required"],
    title: "Credentials required for {host}",
    summary: "The tool needed credentials for {host} and had no way to get them (no configured credential, and interactive prompts are disabled in CI).",
    diagnose: [
      { text: "Find where the tool reads credentials (credential helper, config file, ~/.netrc, environment variable) and check one exists for this host.", command: "grep -nF -- {hostname} ~/.netrc" },
    ],
    fix: [
      { text: "Provide the credential non-interactively from the CI secret store (helper, netrc or the tool's token variable)." },
    ],
    prevent: [
      { text: "Set up credentials in the runner bootstrap, never by prompting." },
    ],
  },
  {
    id: "permission-denied",
    ecosystem: "generic",
    classes: ["permission_denied"],
    title: "Permission denied: {path}",
    summary: "The process may not {syscall} {path}: the file or a parent directory belongs to another user or lacks the needed mode bit, or the file system is read-only.",
    diagnose: [
      { text: "Show owner and mode of every component of the path, and who the process runs as.", command: "namei -l {path}\nid" },
      { text: "Is the file system mounted read-only?", command: "findmnt -T {path_dir}" },
    ],
    fix: [
      { text: "Give the directory to the user that runs the job (rather than running the job as root), or write to a directory that user owns.", command: "sudo chown -R \"$USER\": {path_dir}" },
    ],
    prevent: [
      { text: "Run CI jobs as one non-root user that owns the workspace, and avoid steps that create root-owned files in it (e.g. docker run without --user)." },
    ],
  },
  {
    id: "disk-full",
    ecosystem: "generic",
    classes: ["disk_full"],
    title: "No space left on device",
    summary: "A write failed with ENOSPC (or a quota error): the file system holding {path} is full — of data, or of inodes — often build caches, Docker images or logs on the runner.",
    diagnose: [
      { text: "Which file system is full, in blocks or in inodes?", command: "df -h\ndf -i" },
      { text: "What uses the space?", command: "du -xsh /* 2>/dev/null | sort -h | tail\ndu -sh ~/.cache ~/.npm ~/go/pkg/mod 2>/dev/null" },
      { text: "Docker often holds most of it.", command: "docker system df" },
    ],
    fix: [
      { text: "Free space: remove old build outputs and caches (Docker: prune unused images and build cache).", command: "docker system prune -af --filter until=72h\ngo clean -cache" },
      { text: "Or give the job a bigger disk, or point temp/cache directories (TMPDIR, GOCACHE, npm cache) at a larger volume." },
    ],
    prevent: [
      { text: "Clean caches on a schedule on self-hosted runners and alert at 80% disk usage." },
    ],
  },
  {
    id: "out-of-memory",
    ecosystem: "generic",
    classes: ["out_of_memory"],
    title: "Out of memory",
    summary: "A process ran out of memory or was killed by the kernel's OOM killer (exit 137 / SIGKILL): it needs more memory than the runner or container allows, runs too many things in parallel, or leaks.",
    diagnose: [
      { text: "Did the OOM killer fire, and which process did it pick?", command: "dmesg -T | grep -iE 'killed process|out of memory' | tail" },
      { text: "What is the memory limit of this container and how much was used at peak?", command: "cat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.peak 2>/dev/null; free -m" },
    ],
    fix: [
      { text: "Reduce parallelism (make -j, test workers, GOMAXPROCS, bundler threads) or give the job more memory; fix leaks found with a heap profile." },
    ],
    prevent: [
      { text: "Size runners from measured peak memory of the build, and set explicit memory limits for tools that need them." },
    ],
  },
  {
    id: "version-conflict",
    ecosystem: "generic",
    classes: ["version_conflict"],
    title: "Version conflict",
    summary: "The requirements cannot all be satisfied at once: two dependencies need incompatible versions of a third, or a dependency needs a newer toolchain than the one running.",
    diagnose: [
      { text: "Read the resolver's explanation in the log: it names the packages and ranges in conflict. Compare the toolchain version with what the project declares." },
    ],
    fix: [
      { text: "Align the versions (upgrade or downgrade one side), or upgrade the toolchain; regenerate the lockfile and review it." },
    ],
    prevent: [
      { text: "Upgrade related dependencies together, and pin the toolchain version in the repository." },
    ],
  },
  {
    id: "compile-error",
    ecosystem: "generic",
    classes: ["compile_error"],
    title: "Compile error in {file}",
    summary: "The compiler rejected {file}:{lineno}: the code, or a changed dependency or toolchain it builds against, does not compile.",
    diagnose: [
      { text: "Check whether dependencies or the toolchain changed together with the code.", command: "git diff --stat HEAD~1" },
    ],
    fix: [
      { text: "Fix the code at the reported line, or pin back the dependency whose API changed." },
    ],
    prevent: [
      { text: "Compile on every pull request with the same toolchain version as CI." },
    ],
  },
  {
    id: "test-failure",
    ecosystem: "generic",
    classes: ["test_failure"],
    title: "Test failed: {test}",
    summary: "Test {test} failed: a real regression, an outdated expectation, or a flaky test (timing, shared state, network).",
    diagnose: [
      { text: "Run just that test locally with the same versions, several times, to tell a regression from a flake." },
      { text: "Check what changed since the last green run.", command: "git log --oneline -10" },
    ],
    fix: [
      { text: "Fix the code or the expectation; for a flaky test, fix its timing or shared state rather than adding retries." },
    ],
    prevent: [
      { text: "Track flaky tests with an owner and a deadline, and keep tests hermetic (no shared state, no real network)." },
    ],
  },
  {
    id: "ci-job-timeout",
    ecosystem: "generic",
    classes: ["timeout"],
    title: "CI job hit its time limit ({limit})",
    summary: "The CI system cancelled the job after its maximum execution time ({limit}): a step hung (waiting on the network, a lock, an interactive prompt) or the job simply grew slower than the limit.",
    diagnose: [
      { text: "Find the step that was running when the job was cancelled and the last line it printed; compare step durations with the last green run." },
      { text: "Look for a hang: prompts waiting for input (git credentials, apt), network calls without timeouts, tests waiting on a service that never started." },
    ],
    fix: [
      { text: "Make the hanging step fail instead of waiting: non-interactive flags (GIT_TERMINAL_PROMPT=0, DEBIAN_FRONTEND=noninteractive), per-command timeouts.", command: "timeout 10m <command>" },
      { text: "If the job is legitimately slower now, cache dependencies, split or parallelise the job, and only then raise the limit." },
    ],
    prevent: [
      { text: "Set per-step timeouts well under the job limit so a hang names its step, and track job duration trends." },
    ],
  },
  {
    id: "process-exit",
    ecosystem: "generic",
    classes: ["process_exit"],
    title: "Process exited with status {exit_code}",
    summary: "A process ended with status {exit_code}. This is a consequence: the cause is stated earlier in the log (128 + N means it was killed by signal N: 137 = SIGKILL, often the OOM killer; 143 = SIGTERM, often a timeout).",
    diagnose: [
      { text: "Look at the lines just before the exit for the first error; for 137, check for an OOM kill.", command: "dmesg -T | grep -i 'killed process' | tail -3" },
      { text: "Re-run the failing command by itself with verbose output." },
    ],
    fix: [
      { text: "Fix the first error the command reported; the exit status only says that it failed." },
    ],
    prevent: [
      { text: "Make scripts fail fast and loudly (set -euo pipefail) so the first error is the last line before the exit." },
    ],
  },
  {
    id: "generic-failure",
    ecosystem: "generic",
    classes: [],
    title: "Build failure",
    summary: "The build failed; the evidence lines say how.",
    diagnose: [{ text: "Read the root-cause evidence lines and the lines just before them; re-run the failing step alone with verbose output." }],
    fix: [{ text: "Fix the first error the step reports." }],
    prevent: [{ text: "Add the failure to a runbook once understood, so the next one is faster." }],
  },
];

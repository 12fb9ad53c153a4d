// git and ssh transport errors.
import { classFromStatus, hostFromUrl } from "./classify";
import type { Fields, Rule } from "./rule";

/** `v1..HEAD` names two revisions; the one that is not HEAD is the unknown one. */
function pickRevision(f: Fields): void {
  const arg = String(f.arg ?? "");
  const parts = arg.split(/\.{2,3}/).map((p) => p.replace(/\^\{[^}]*\}$|[~^]\d*$/, "")).filter(Boolean);
  f.revision = parts.find((p) => !/^(?:HEAD|@|FETCH_HEAD|ORIG_HEAD)$/.test(p)) ?? parts[0] ?? arg;
}

export const gitRules: Rule[] = [
  {
    id: "git.could-not-read-credentials",
    ecosystem: "git",
    class: "auth_required",
    runbookId: "git-auth-required",
    literals: ["could not read Username", "could not read Password"],
    pattern: /could not read (?<prompt>Username|Password) for '(?<url>[^'\s]+)': (?<detail>terminal prompts disabled|No such device or address|No such file or directory|Device not configured)/,
    post: (f) => {
      f.host = hostFromUrl(f.url) ?? f.url;
    },
  },
  {
    id: "git.remote-auth-message",
    ecosystem: "git",
    class: "http_401",
    runbookId: "git-auth-failed",
    literals: ["Invalid username or password", "HTTP Basic: Access denied"],
    pattern: /^\s*remote: (?<detail>Invalid username or (?:password|token)|HTTP Basic: Access denied)/,
    fields: { status: 401 },
  },
  {
    id: "git.authentication-failed",
    ecosystem: "git",
    class: "http_401",
    runbookId: "git-auth-failed",
    literals: ["Authentication failed for"],
    pattern: /^\s*(?:fatal|remote|error): Authentication failed for '(?<url>[^']+)'/,
    fields: { status: 401 },
    role: "summary",
    foldWindow: 20,
    foldInto: ["git.remote-auth-message", "git.http-trace-status", "http.status-line"],
  },
  {
    id: "git.repository-not-found",
    ecosystem: "git",
    class: "not_found",
    runbookId: "git-repository-not-found",
    literals: ["not found", "Repository not found", "does not appear to be a git repository", "does not exist"],
    pattern: /^\s*(?:npm (?:error|ERR!) )?(?:fatal: repository '(?<url>[^']+)' not found|(?:remote: |ERROR: )Repository not found\.?|fatal: '(?<path>[^']+)' does not appear to be a git repository|fatal: repository '(?<path2>[^']+)' does not exist)/,
    post: (f) => {
      f.path ??= f.path2;
      delete f.path2;
    },
    role: "summary",
    foldWindow: 30,
    foldInto: ["git.http-trace-status", "http.status-line"],
  },
  {
    id: "git.unable-to-access",
    ecosystem: "git",
    class: (f) => classFromStatus(f.status),
    runbookId: "git-http-error",
    literals: ["The requested URL returned error"],
    pattern: /^\s*(?:fatal|error): unable to access '(?<url>[^']+)': The requested URL returned error: (?<status>\d{3})/,
    role: "summary",
    foldWindow: 30,
    foldInto: ["git.http-trace-status", "http.status-line"],
  },
  {
    id: "git.pathspec-no-match",
    ecosystem: "git",
    class: "not_found",
    runbookId: "git-unknown-revision",
    literals: ["did not match any file(s) known to git"],
    pattern: /^\s*error: pathspec '(?<revision>[^']+)' did not match any file\(s\) known to git/,
  },
  {
    id: "git.ambiguous-argument",
    ecosystem: "git",
    class: "not_found",
    runbookId: "git-unknown-revision",
    literals: ["unknown revision or path not in the working tree"],
    pattern: /^\s*fatal: ambiguous argument '(?<arg>[^']+)': unknown revision or path not in the working tree/,
    continuation: { line: /^Use '--' to separate paths from revisions|^'git <command>/, max: 2 },
    post: pickRevision,
  },
  {
    id: "git.missing-ref",
    ecosystem: "git",
    class: "not_found",
    runbookId: "git-unknown-revision",
    literals: ["bad revision", "bad object", "Needed a single revision", "couldn't find remote ref", "not found in upstream", "does not match any", "Could not find remote branch", "reference is not a tree", "invalid reference", "unadvertised object", "is not a commit and a branch"],
    pattern: /^\s*(?:fatal: Needed a single revision|fatal: bad (?:revision|object) '?(?<revision>[^'\s]+)'?|fatal: couldn't find remote ref (?<revision2>\S+)|fatal: Remote branch (?<revision3>\S+) not found in upstream|error: src refspec (?<revision4>\S+) does not match any|warning: Could not find remote branch (?<revision5>\S+) to clone|fatal: reference is not a tree: (?<revision6>\S+)|fatal: invalid reference: (?<revision7>\S+)|fatal: '(?<revision9>[^']+)' is not a commit and a branch)|unadvertised object (?<revision8>[0-9a-f]{7,40})/,
    post: (f) => {
      for (let i = 2; i <= 9; i++) {
        f.revision ??= f[`revision${i}`];
        delete f[`revision${i}`];
      }
    },
    key: ["revision"],
  },
  {
    id: "git.http-trace-status",
    ecosystem: "git",
    class: (f) => classFromStatus(f.status),
    literals: ["< HTTP/", "Recv header: HTTP/"],
    pattern: /(?:^< |Recv header: )HTTP\/[\d.]+ (?<status>[45]\d\d)/,
  },
  {
    id: "ssh.connect-failed",
    ecosystem: "git",
    class: (f) => (/refused/.test(String(f.detail)) ? "connection_refused" : /timed out/.test(String(f.detail)) ? "timeout" : null),
    runbookId: "ssh-connect-failed",
    literals: ["ssh: connect to host "],
    pattern: /^ssh: connect to host (?<host>\S+) port (?<port>\d+): (?<detail>Connection refused|Connection timed out|Operation timed out|No route to host|Network is unreachable)/,
  },
  {
    id: "ssh.resolve-hostname",
    ecosystem: "git",
    class: "dns_failure",
    runbookId: "dns-failure",
    literals: ["Could not resolve hostname"],
    pattern: /^ssh: Could not resolve hostname (?<host>[^\s:]+): (?<detail>[^\n]+)/,
  },
  {
    id: "ssh.permission-denied",
    ecosystem: "git",
    class: "permission_denied",
    runbookId: "ssh-permission-denied",
    literals: ["Permission denied ("],
    pattern: /^(?:(?<user>[\w.-]+)@(?<host>[^\s:]+): )?Permission denied \((?<methods>[\w,-]+)\)/,
  },
  {
    id: "git.push-rejected-summary",
    ecosystem: "git",
    class: "not_found",
    literals: ["failed to push some refs"],
    pattern: /^error: failed to push some refs to/,
    role: "echo",
  },
  {
    // Only ever a consequence of the transport error stated just before it.
    id: "git.could-not-read-remote",
    ecosystem: "git",
    class: "connection_refused",
    literals: ["Could not read from remote repository"],
    pattern: /^\s*fatal: Could not read from remote repository/,
    continuation: { line: /^Please make sure you have the correct access rights|^and the repository exists/, blank: true, max: 4 },
    role: "echo",
  },
];

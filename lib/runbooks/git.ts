// Git over HTTPS and SSH (also what `go get` runs for GOPRIVATE / GOPROXY=direct modules).
import type { Runbook } from "./types";

const INSPECT_GIT_CONFIG = {
  text: "Show the credential helpers and URL rewrites that apply (insteadOf rules redirect fetches, which is how Go modules reach a git server).",
  command: "git config --show-origin --get-regexp '^(credential|url)\\.'",
};

export const gitRunbooks: Runbook[] = [
  {
    id: "git-auth-failed",
    ecosystem: "git",
    classes: ["http_401"],
    aliases: ["git-http-error.http-401"],
    title: "git authentication failed for {host}",
    summary: "The git server at {host} answered 401 to the credentials git sent: a wrong, expired or revoked token, a password where the host requires a token, or credentials embedded in the URL that are out of date.",
    diagnose: [
      { text: "Repeat the request without prompting and with HTTP tracing (git redacts the Authorization header in traces).", command: "GIT_TERMINAL_PROMPT=0 GIT_TRACE_CURL=1 git ls-remote {url}" },
      { text: "Look for credentials embedded in the remote URL (they override helpers and end up in logs).", command: "git remote -v" },
      INSPECT_GIT_CONFIG,
      { text: "Check ~/.netrc, which git's HTTP transport reads, for an entry for this host.", command: "grep -nF -- {hostname} ~/.netrc" },
    ],
    fix: [
      { text: "Use a fresh token scoped for reading the repository (GitHub: fine-grained Contents: read, or the job's GITHUB_TOKEN; GitLab: CI_JOB_TOKEN or a read_repository token) and hand it to git with a URL rewrite. Note: the shell expands ${TOKEN} here, so the token is written to ~/.gitconfig; use this on ephemeral runners only.", command: "git config --global url.\"https://oauth2:${TOKEN}@{host}/\".insteadOf \"https://{host}/\"" },
      { text: "Or store it in ~/.netrc (read by git and by Go's module fetches).", command: "printf 'machine %s\\nlogin %s\\npassword %s\\n' {hostname} oauth2 \"$TOKEN\" >> ~/.netrc\nchmod 600 ~/.netrc" },
      { text: "Remove credentials from the remote URL.", command: "git remote set-url origin <url-without-credentials>" },
    ],
    prevent: [
      { text: "Use short-lived tokens issued per job (OIDC, GITHUB_TOKEN, CI_JOB_TOKEN) instead of personal tokens, and never put credentials in URLs." },
    ],
  },
  {
    id: "git-auth-required",
    ecosystem: "git",
    classes: ["auth_required"],
    title: "git needs credentials for {host} but cannot prompt",
    summary: "git had to ask for a username for {url}, but prompting is disabled (GIT_TERMINAL_PROMPT=0, which `go get` always sets) and no credential helper or .netrc supplied one: the repository is private and the runner has no credentials for it.",
    diagnose: [
      { text: "Reproduce without a prompt.", command: "GIT_TERMINAL_PROMPT=0 git ls-remote {url}" },
      INSPECT_GIT_CONFIG,
      { text: "If Go ran git (a go.mod dependency), check which modules Go fetches directly and from where.", command: "go env GOPRIVATE GONOPROXY GONOSUMDB GOPROXY" },
    ],
    fix: [
      { text: "Give git a token for the host via a URL rewrite (ephemeral runners: the token is stored in ~/.gitconfig).", command: "git config --global url.\"https://oauth2:${TOKEN}@{host}/\".insteadOf \"https://{host}/\"" },
      { text: "Or use ~/.netrc, which both git and Go read.", command: "printf 'machine %s\\nlogin %s\\npassword %s\\n' {hostname} oauth2 \"$TOKEN\" >> ~/.netrc\nchmod 600 ~/.netrc" },
      { text: "Or switch the host to SSH with a deploy key.", command: "git config --global url.\"ssh://git@{hostname}/\".insteadOf \"https://{hostname}/\"" },
      { text: "For Go private modules, also keep them off the public proxy and checksum database.", command: "go env -w GOPRIVATE={goprivate}", when: ["goprivate"] },
    ],
    prevent: [
      { text: "Bake the credential setup (helper, netrc or insteadOf) and GOPRIVATE into the runner bootstrap, with the token from the CI secret store." },
    ],
  },
  {
    id: "git-repository-not-found",
    ecosystem: "git",
    classes: ["not_found"],
    aliases: ["git-http-error.not-found"],
    title: "git repository not found: {url}",
    summary: "The server has no repository at {url} — or hides a private one from these credentials (GitHub and GitLab answer 404 instead of 403): a typo, a renamed or moved repository, or missing access.",
    diagnose: [
      { text: "Check the URL and whether it is reachable with the CI credentials.", command: "GIT_TERMINAL_PROMPT=0 git ls-remote {url}" },
      { text: "Where does the URL come from (remote, submodule, dependency manifest)?", command: "git remote -v\ngit config --file .gitmodules --get-regexp url" },
    ],
    fix: [
      { text: "Use the current URL (renamed repositories redirect in the web UI but not always for git), and sync submodule URLs after changing them.", command: "git remote set-url origin <correct-url>\ngit submodule sync --recursive" },
      { text: "If it is private, give the CI identity read access to it (for GitHub Actions' GITHUB_TOKEN, other private repositories need a separate token or deploy key)." },
    ],
    prevent: [
      { text: "Reference repositories by a stable URL and keep access for CI identities in code (team membership or deploy keys managed by IaC)." },
    ],
  },
  {
    id: "git-unknown-revision",
    ecosystem: "git",
    classes: ["not_found"],
    title: "git: unknown revision {revision}",
    summary: "{revision} is not in the local clone: the branch or tag does not exist, or it exists on the server but the CI clone is shallow or fetched without tags.",
    diagnose: [
      { text: "Does the server have it?", command: "git ls-remote --heads --tags origin {revision}" },
      { text: "Is the clone shallow, and what does it have locally?", command: "git rev-parse --is-shallow-repository\ngit tag --list | tail\ngit branch -a" },
      { text: "Check the exact name resolves to a commit (a pathspec and a revision can look alike; `--` separates them).", command: "git rev-parse --verify --quiet \"{revision}^0\"" },
    ],
    fix: [
      { text: "Fetch the tags and the history the command needs.", command: "git fetch --tags --force origin\ngit fetch --unshallow origin" },
      { text: "In GitHub Actions, check out with full history and tags (actions/checkout: fetch-depth: 0)." },
      { text: "If the server lacks it, push the branch or tag, or fix the name in the script.", command: "git push origin {revision}" },
    ],
    prevent: [
      { text: "Make scripts that need tags or history (versioning, changelogs, diffs against a base) fetch what they need explicitly." },
    ],
  },
  {
    id: "git-http-error",
    ecosystem: "git",
    classes: ["http_403"],
    title: "git could not access {url} ({status})",
    summary: "The git server refused {url} with {status}: the credentials are valid but lack permission (read vs write, SSO authorisation, IP allow list), or the server failed.",
    diagnose: [
      { text: "Trace the HTTP exchange (auth headers are redacted).", command: "GIT_TERMINAL_PROMPT=0 GIT_TRACE_CURL=1 git ls-remote {url}" },
      { text: "Ask the smart-HTTP endpoint directly and read the server's message.", command: "curl -sv {url}'info/refs?service=git-upload-pack'" },
      INSPECT_GIT_CONFIG,
    ],
    fix: [
      { text: "Give the token the permission the operation needs (push needs write), authorise it for the organisation's SSO, or add the runner's egress IP to the allow list." },
      { text: "For 5xx answers, retry later and check the host's status page; they are not fixed on the client." },
    ],
    prevent: [
      { text: "Use per-job tokens with the minimal scope each job needs, and document the SSO/IP requirements next to the CI secret." },
    ],
  },
  {
    id: "ssh-connect-failed",
    ecosystem: "git",
    classes: ["connection_refused", "timeout", "dns_failure"],
    title: "ssh cannot connect to {hostname}:{port}",
    summary: "ssh could not open a TCP connection to {hostname} port {port}: nothing listens, a firewall drops outbound SSH, or the name does not resolve.",
    diagnose: [
      { text: "See which host, port and identity ssh actually uses (~/.ssh/config may override them).", command: "ssh -vT -p {port} git@{hostname}\nssh -G {hostname} | grep -E '^(hostname|port|identityfile|proxycommand) '" },
      { text: "Test the port and name resolution without ssh.", command: "getent hosts {hostname}\nnc -vz -w 5 {hostname} {port}" },
    ],
    fix: [
      { text: "If outbound port 22 is blocked, use HTTPS with a token instead, or the host's SSH-over-443 endpoint (GitHub: ssh.github.com port 443).", command: "ssh -T -p 443 git@ssh.github.com" },
      { text: "If the server is down or moved, fix the host/port in the remote URL or ~/.ssh/config." },
    ],
    prevent: [
      { text: "Prefer HTTPS with short-lived tokens in CI; it needs no extra firewall rules or known_hosts management." },
    ],
  },
  {
    id: "ssh-permission-denied",
    ecosystem: "git",
    classes: ["permission_denied"],
    title: "ssh: permission denied (publickey) for {user}@{host}",
    summary: "The SSH server rejected every key ssh offered: no key is loaded, the wrong key is used, or the key is not registered (deploy key / user key) for this repository.",
    diagnose: [
      { text: "See which keys ssh offers and which one the server rejects.", command: "ssh -vT git@{hostname}" },
      { text: "Check the agent and key files (private keys must be mode 600).", command: "ssh-add -l\nls -l ~/.ssh" },
    ],
    fix: [
      { text: "Use the right key explicitly for git.", command: "export GIT_SSH_COMMAND='ssh -i ~/.ssh/deploy_key -o IdentitiesOnly=yes'" },
      { text: "Register the public key as a deploy key on the repository (read-only unless the job pushes), and pin the host key from a trusted source rather than accepting it blindly.", command: "ssh-keyscan {hostname} | ssh-keygen -lf -" },
    ],
    prevent: [
      { text: "Manage deploy keys and known_hosts entries in code, one key per repository and purpose." },
    ],
  },
];

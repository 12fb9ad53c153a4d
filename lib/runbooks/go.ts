// Go modules and toolchain. Environment knobs used below, as `go help environment` defines them:
// GOPROXY (comma: fall back on 404/410 only; pipe `|`: fall back on any error), GOPRIVATE (default for
// GONOPROXY and GONOSUMDB), GONOSUMDB, GOSUMDB, GOFLAGS, GOTOOLCHAIN, GOMODCACHE. There is no
// GONOSUMCHECK (a pre-release name; GONOSUMDB replaced it), and `go get -insecure` was removed in Go 1.17.
import type { Runbook } from "./types";

export const goRunbooks: Runbook[] = [
  {
    id: "go-checksum-mismatch",
    ecosystem: "go",
    classes: ["checksum_mismatch"],
    title: "Go checksum mismatch for {module}@{version}",
    summary:
      "The content of {module}@{version} that was just downloaded hashes differently from the line in go.sum: the module changed after go.sum was written (a moved tag, a republished proxy copy), the download was tampered with, or go.sum was edited.",
    diagnose: [
      { text: "Look at the two go.sum lines for this version (the module zip and its go.mod). The log's `downloaded` hash is what the server sent now; `go.sum` is what the repository recorded.", command: "grep -nF -- '{module} {version}' go.sum" },
      { text: "Ask the public checksum database which hash is the published one (public modules only). If it matches go.sum, the download is wrong; if it matches the download, go.sum was changed.", command: "curl -s https://sum.golang.org/lookup/{module}@{version}" },
      { text: "Download the version into an empty module cache outside your module and read the Sum Go computes (and the Origin commit it came from). `-json` prints the result without touching go.sum.", command: "mkdir -p /tmp/gosum-check && cd /tmp/gosum-check && GOMODCACHE=/tmp/gosum-check/cache GOFLAGS=-modcacherw go mod download -json {module}@{version}" },
      { text: "Check whether the tag was moved upstream: compare the commit the tag points to now with the Origin.Hash printed above (or with what the proxy recorded).", command: "git ls-remote --tags https://{module} {version}" },
      { text: "See what your proxy serves for this version (the .info carries the commit it was built from).", command: "curl -s {proxy}/{module_escaped}/@v/{version}.info", when: ["proxy"] },
      { text: "Find out when and by whom the go.sum lines were last changed.", command: "git log -p -S '{module} {version}' -- go.sum" },
    ],
    fix: [
      { text: "Do not delete the go.sum lines or set GONOSUMDB/GOSUMDB=off just to get a green build: that accepts whatever bits are served now. Decide which hash is right first (Diagnose)." },
      { text: "If go.sum is right (it matches sum.golang.org or your last good build), the download is bad: clear the module cache and download again through the proxy you trust, then verify.", command: "go clean -modcache\ngo mod download -x {module}@{version}\ngo mod verify" },
      { text: "If the tag was moved upstream, do not reuse the version: ask the owner to restore the original tag, or move to a new immutable version (or a pseudo-version of the commit you reviewed).", command: "go get {module}@<new-version-or-commit>\ngo mod tidy" },
      { text: "Only when you have confirmed the new content is legitimate (a private module republished on purpose), replace this module's lines and let Go record them again; review the diff before committing.", command: "grep -vF -- '{module} {version}' go.sum > go.sum.new && mv go.sum.new go.sum\ngo mod download {module}@{version}\ngo mod tidy\ngit diff go.sum" },
    ],
    prevent: [
      { text: "Treat tags as immutable: protect release tags in the code host so they cannot be moved or deleted." },
      { text: "Route all builds through one caching module proxy (Athens, Artifactory, GOPROXY=https://proxy.golang.org) so every runner sees the same bits, and keep the checksum database on for public modules.", command: "go env GOPROXY GOSUMDB GONOSUMDB GOPRIVATE" },
      { text: "Keep private modules out of the public checksum database with GOPRIVATE (not GOSUMDB=off, which disables it for everything).", command: "go env -w GOPRIVATE={goprivate}" },
    ],
  },
  {
    id: "go-module-cache-modified",
    ecosystem: "go",
    classes: ["checksum_mismatch"],
    title: "Go module cache modified: {module}@{version}",
    summary: "`go mod verify` found files under the module cache directory of {module}@{version} that no longer match the hash recorded when the module was downloaded: something wrote into the (normally read-only) cache.",
    diagnose: [
      { text: "Re-run the verification to see every modified module.", command: "go mod verify" },
      { text: "Look at the extracted directory: recently changed files and their permissions (the cache is read-only unless -modcacherw was used).", command: "ls -la {path}\nfind {path} -newer {path}/go.mod -type f" },
      { text: "Check whether builds make the cache writable or share it between jobs.", command: "go env GOFLAGS GOMODCACHE" },
    ],
    fix: [
      { text: "Throw the cache away and download the modules again; the downloads are checked against go.sum.", command: "go clean -modcache\ngo mod download\ngo mod verify" },
      { text: "If a restored CI cache was the source, delete that cache entry (or bump its key) so the corrupted copy is not restored again." },
    ],
    prevent: [
      { text: "Never edit files under GOMODCACHE; to change a dependency, use a replace directive pointing at a local copy.", command: "go mod edit -replace={module}=../local-copy" },
      { text: "Drop -modcacherw from GOFLAGS so the cache stays read-only, and key CI module caches on the hash of go.sum." },
    ],
  },
  {
    id: "go-missing-gosum-entry",
    ecosystem: "go",
    classes: ["missing_checksum_entry"],
    title: "Missing go.sum entry for {package}",
    summary: "go.sum has no checksum for the module that provides {package}, so Go refuses to use it in -mod=readonly mode (the default): go.mod and go.sum were not updated together.",
    diagnose: [
      { text: "See whether go.mod or imports changed without go.sum.", command: "git diff --stat HEAD~1 -- go.mod go.sum\ngo list -m all" },
      { text: "Check for an earlier network failure in the same log (a proxy that could not be reached also ends in this message), and whether GOFLAGS forces a mode.", command: "go env GOPROXY GOFLAGS" },
    ],
    fix: [
      { text: "Update go.sum on a developer machine and commit both files.", command: "go mod tidy\ngit add go.mod go.sum" },
      { text: "For just this package, add the missing entry the way Go suggests.", command: "go get {package}" },
    ],
    prevent: [
      { text: "Fail CI when go.mod/go.sum are not tidy instead of letting builds rewrite them (do not set GOFLAGS=-mod=mod in CI).", command: "go mod tidy && git diff --exit-code go.mod go.sum" },
    ],
  },
  {
    id: "go-module-path-mismatch",
    ecosystem: "go",
    classes: ["module_path_mismatch"],
    title: "Go module path mismatch: {required} declares {declared}",
    summary: "The go.mod inside {module}@{version} declares its path as {declared}, but it was required as {required}: the module was renamed, moved, changed case, or gained a /vN major-version suffix.",
    diagnose: [
      { text: "Download the module and read its own go.mod (the GoMod file in the JSON) to see the path it declares.", command: "go mod download -json {module}@{version}" },
      { text: "Find what requires the old path (your go.mod or a dependency).", command: "go mod why -m {required}\ngo mod graph | grep -F -- {required}" },
      { text: "List the source files that still import the old path.", command: "grep -rlF --include=*.go -- {required} ." },
    ],
    fix: [
      { text: "Require the module under the path it declares and change the imports to match (for a /v2+ module, the import path must include the /vN suffix; for a case change, use the exact case).", command: "go get {declared}@{version}\ngo mod tidy" },
      { text: "If a dependency requires the old path and you cannot update it yet, pin a version from before the rename, or point the old path at a fork that still declares it with a replace directive.", command: "go mod edit -replace={required}=<fork-module-path>@<version>\ngo mod tidy" },
    ],
    prevent: [
      { text: "When renaming a module, keep a final release at the old path that declares the old path, and announce the new one; never change the module line of an already-tagged version." },
    ],
  },
  {
    id: "go-module-not-found",
    ecosystem: "go",
    classes: ["not_found"],
    aliases: ["go-proxy-http-error.not-found"],
    title: "Go module or version not found: {module}@{version}",
    summary: "The module proxy answered 404/410 (or no version matched) for {module}@{version}: the version or module does not exist, is private and not visible to the proxy, or the name is misspelled.",
    diagnose: [
      { text: "List the versions the proxy knows for the module.", command: "go list -m -versions {module}" },
      { text: "Ask the proxy directly (404 on @v/list means it does not know the module at all).", command: "curl -sv {proxy}/{module_escaped}/@v/list", when: ["proxy"] },
      { text: "Bypass the proxy and ask the origin repository; `-x` prints the git commands Go runs.", command: "GOPROXY=direct GOFLAGS=-x go list -m {module}@{version}" },
      { text: "Check which proxies and private patterns are in effect.", command: "go env GOPROXY GOPRIVATE GONOPROXY GONOSUMDB" },
    ],
    fix: [
      { text: "If the tag was never pushed, push it; proxy.golang.org fetches new tags on first request.", command: "git push origin {tag}", when: ["tag"] },
      { text: "If the module is private, keep it away from public proxies and the checksum database; Go then fetches it directly with git (credentials needed, see the git runbooks).", command: "go env -w GOPRIVATE={goprivate}" },
      { text: "If the name or version is wrong, require the right one (a commit hash also works and becomes a pseudo-version).", command: "go get {module}@<existing-version-or-commit>\ngo mod tidy" },
      { text: "If the version exists upstream but your corporate proxy has not cached it, allow a fallback to direct fetches for that build.", command: "GOPROXY=<your-proxy-url>,direct go mod download {module}@{version}" },
    ],
    prevent: [
      { text: "Set GOPRIVATE for your organisation's module prefix on every runner image, and publish internal modules through an internal proxy." },
      { text: "Never delete published tags: proxy.golang.org caches versions permanently, and builds elsewhere keep depending on them." },
    ],
  },
  {
    id: "go-proxy-http-error",
    ecosystem: "go",
    classes: ["http_401", "http_403"],
    title: "Go module proxy refused {module}@{version} ({status})",
    summary: "The GOPROXY at {proxy} answered {status} for {module}@{version}: it wants credentials, the credentials are wrong, or its policy blocks the module.",
    diagnose: [
      { text: "Repeat the request the go command made and read the status and body (the proxy usually says why).", command: "curl -sv {url}" },
      { text: "Show which proxy, private patterns and flags are configured, and where credentials would come from (~/.netrc or GOAUTH on Go 1.24+).", command: "go env GOPROXY GOPRIVATE GONOPROXY GONOSUMDB GOFLAGS\nls -l ~/.netrc" },
      { text: "Check whether the same request works with the CI credentials (authenticated proxies read them from ~/.netrc, which Go uses for GOPROXY requests).", command: "curl -sv --netrc {url}" },
    ],
    fix: [
      { text: "Give the runner credentials for the proxy host via ~/.netrc (Go sends them to GOPROXY hosts).", command: "printf 'machine %s\\nlogin %s\\npassword %s\\n' {hostname} \"$PROXY_USER\" \"$PROXY_TOKEN\" >> ~/.netrc\nchmod 600 ~/.netrc" },
      { text: "If the module is private and should not go through this proxy at all, mark it private so Go fetches it directly from the VCS.", command: "go env -w GOPRIVATE={goprivate}" },
      { text: "If the proxy blocks the module by policy (licence or vulnerability rules), ask for it to be allowed or pick another version; do not route around the proxy with GOPROXY=direct in CI." },
      { text: "As a last resort while the proxy is fixed, build from a vendored copy committed to the repository.", command: "go mod vendor\ngo build -mod=vendor ./..." },
    ],
    prevent: [
      { text: "Provision proxy credentials on runners from the CI secret store (never in the GOPROXY URL, which ends up in logs)." },
      { text: "Set GOPRIVATE for internal modules in the runner image so they never reach a public or policy proxy." },
    ],
  },
  {
    id: "go-unknown-revision",
    ecosystem: "go",
    classes: ["not_found"],
    title: "Go: unknown revision {revision} of {module}",
    summary: "Git has no {revision} for {module}: the tag or branch does not exist in the repository Go fetched (not pushed, deleted, misspelled), or Go reached a different repository than intended.",
    diagnose: [
      { text: "List matching tags and branches on the origin.", command: "git ls-remote --tags --heads https://{module} {revision}" },
      { text: "Let Go show the git commands it runs (GOPROXY=direct) and where it fetches from.", command: "GOPROXY=direct GOFLAGS=-x go list -m {module}@{revision}" },
      { text: "Check git URL rewrites and credentials that apply to this host (insteadOf redirects Go's git fetches).", command: "git config --show-origin --get-regexp '^url\\..*\\.insteadof$'" },
    ],
    fix: [
      { text: "Push the missing tag (from the commit it should point to).", command: "git tag {revision} <commit>\ngit push origin {revision}" },
      { text: "Or require an existing version, or a commit (Go turns it into a pseudo-version).", command: "go get {module}@<commit-sha>\ngo mod tidy" },
      { text: "For a private repository, make sure Go fetches it directly and git can authenticate (a repository git cannot see also looks like an unknown revision).", command: "go env -w GOPRIVATE={goprivate}\ngit config --global url.\"https://oauth2:${TOKEN}@{module_host}/\".insteadOf \"https://{module_host}/\"" },
    ],
    prevent: [
      { text: "Tag releases from CI after the merge, and protect tags against deletion." },
    ],
  },
  {
    id: "go-missing-file",
    ecosystem: "go",
    classes: ["enoent"],
    title: "Go: no go.mod (or a listed directory is missing): {path}",
    summary: "The go command found no go.mod for the current directory or a parent, or a directory named by go.work or the command line does not exist: the command ran in the wrong directory, go.mod/go.work is not committed, or go.work lists a module that is not checked out.",
    diagnose: [
      { text: "Where did the command run, and which go.mod / go.work does Go see?", command: "pwd\nls -la go.mod go.work\ngo env GOMOD GOWORK GO111MODULE" },
      { text: "Walk the missing path to see which component is absent.", command: "namei -l {path}" },
      { text: "If a workspace is in use, list the module directories it expects.", command: "go work edit -json" },
    ],
    fix: [
      { text: "Run the command from the module root (in GitHub Actions: `working-directory:`, or `cd` first)." },
      { text: "If go.work lists a directory that is not part of this checkout, check it out too, drop it from the workspace, or build without the workspace.", command: "go work edit -dropuse=<missing-dir>\nGOWORK=off go build ./..." },
      { text: "For a new module that never had a go.mod, create it and commit it.", command: "go mod init <module-path>\ngo mod tidy" },
    ],
    prevent: [
      { text: "Commit go.mod and go.sum; keep go.work out of the repository unless every directory it uses is checked out in CI." },
    ],
  },
  {
    id: "go-version-conflict",
    ecosystem: "go",
    classes: ["version_conflict"],
    title: "Go toolchain too old: module requires go {required_go}",
    summary: "go.mod (or a dependency's go.mod) says go {required_go}, but the toolchain that ran is go {running_go} and was not allowed to switch (GOTOOLCHAIN=local, or a Go older than 1.21).",
    diagnose: [
      { text: "Compare the running toolchain with what go.mod asks for.", command: "go version\ngo env GOTOOLCHAIN GOROOT\ngrep -E '^(go|toolchain) ' go.mod" },
      { text: "If a dependency raised the requirement, find which one.", command: "go mod graph | grep -F -- {module}", when: ["module"] },
    ],
    fix: [
      { text: "Install the required Go on the runner (setup-go can read the version from go.mod with go-version-file: go.mod)." },
      { text: "Or let Go 1.21+ download the right toolchain itself (needs access to the module proxy).", command: "GOTOOLCHAIN=go{required_go} go build ./..." },
      { text: "If a dependency upgrade raised the requirement and you cannot upgrade Go yet, stay on the previous version of that dependency.", command: "go get {module}@<previous-version>\ngo mod tidy", when: ["module"] },
    ],
    prevent: [
      { text: "Pin the Go version in one place (go.mod's go/toolchain lines) and make CI read it from there rather than hard-coding a version." },
    ],
  },
  {
    id: "go-inconsistent-vendoring",
    ecosystem: "go",
    classes: ["version_conflict"],
    title: "Go: inconsistent vendoring",
    summary: "vendor/modules.txt does not match go.mod: the vendor directory was not regenerated after a dependency change (Go uses vendor/ automatically when it exists and go.mod says go 1.14 or later).",
    diagnose: [
      { text: "See what changed in go.mod versus vendor/.", command: "git status --short vendor/ go.mod go.sum\ngit diff HEAD~1 -- go.mod" },
      { text: "Check whether a vendor mode is forced.", command: "go env GOFLAGS" },
    ],
    fix: [
      { text: "If the project vendors: regenerate vendor/ and commit it.", command: "go mod tidy\ngo mod vendor\ngit add vendor go.mod go.sum" },
      { text: "If it should not vendor: delete vendor/ (or build with -mod=mod) and rely on the module proxy.", command: "git rm -r --cached vendor && rm -rf vendor\ngo build -mod=mod ./..." },
    ],
    prevent: [
      { text: "Check in CI that vendor/ is current.", command: "go mod vendor && git diff --exit-code vendor/ go.mod go.sum" },
    ],
  },
  {
    id: "go-compile-error",
    ecosystem: "go",
    classes: ["compile_error"],
    title: "Go compile error in {file}",
    summary: "The Go compiler rejected the code at {file}:{lineno}: the source (or an updated dependency's API) does not type-check.",
    diagnose: [
      { text: "Reproduce with the same Go version and see every error (the compiler stops after 10 per package by default; -gcflags=-e shows all).", command: "go version\ngo build -gcflags=-e ./..." },
      { text: "Check whether a dependency or Go version change came with the failing commit.", command: "git diff HEAD~1 -- go.mod go.sum" },
      { text: "Run vet for the same packages; it often explains API mismatches better.", command: "go vet ./..." },
    ],
    fix: [
      { text: "Fix the code at the reported position, or pin the dependency back to the version whose API the code expects.", command: "go get <module>@<previous-version>" },
    ],
    prevent: [
      { text: "Build and vet on every pull request with the same Go version as CI releases (read from go.mod)." },
    ],
  },
  {
    id: "go-test-failure",
    ecosystem: "go",
    classes: ["test_failure"],
    title: "Go test failed: {test}",
    summary: "Test {test} in {package} failed: an assertion or panic in the test, a changed dependency, or a flaky test.",
    diagnose: [
      { text: "Run only that test, without the test cache, with output.", command: "go test -count=1 -v -run '^{test}$' {package}" },
      { text: "Check for flakiness and races: repeat it and run with the race detector.", command: "go test -count=20 -race -run '^{test}$' {package}" },
    ],
    fix: [
      { text: "Fix the code or the expectation the assertion points at; if the test is flaky, fix the shared state or timing it depends on rather than retrying in CI." },
    ],
    prevent: [
      { text: "Run `go test -race ./...` on pull requests and track flaky tests (quarantine with an owner and a deadline, not t.Skip forever)." },
    ],
  },
  {
    id: "go-test-timeout",
    ecosystem: "go",
    classes: ["timeout"],
    title: "Go test binary timed out after {duration}",
    summary: "`go test` killed the test binary after {duration} (the -timeout default is 10m): a test hangs (deadlock, waiting on network or a channel) or the suite is genuinely slower than the limit.",
    diagnose: [
      { text: "The panic message is followed by a dump of all goroutines: find the test function in it and what it is blocked on (chan receive, select, IO wait, sync.Mutex)." },
      { text: "Run the tests verbosely with a short timeout to see which test is running when it fires.", command: "go test -v -timeout 2m ./..." },
    ],
    fix: [
      { text: "Fix the hang (add a context deadline to network calls, close channels, avoid waiting forever on a goroutine); raise the limit only when the suite is legitimately long.", command: "go test -timeout 30m ./..." },
    ],
    prevent: [
      { text: "Give every test that does IO its own deadline (t.Context / context.WithTimeout), and keep slow integration tests behind a build tag or a separate job." },
    ],
  },
];

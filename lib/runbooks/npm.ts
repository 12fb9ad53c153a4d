// npm. `npm-error` is the analyzer's catch-all for `npm error code X` blocks; its class decides the
// variant (`npm-error.<class>`), listed as aliases of the specific runbooks below.
import type { Runbook } from "./types";

export const npmRunbooks: Runbook[] = [
  {
    id: "npm-eintegrity",
    ecosystem: "npm",
    classes: ["checksum_mismatch"],
    aliases: ["npm-error.checksum-mismatch"],
    title: "npm EINTEGRITY: {package_name} does not match package-lock.json",
    summary: "The tarball npm downloaded for {package_name} hashes differently from the integrity recorded in package-lock.json: the registry serves different bytes than when the lock was written (republished package, another registry or mirror), the cache is corrupt, or the lockfile was edited.",
    diagnose: [
      { text: "See what the lockfile recorded: the resolved URL (which registry) and the integrity.", command: "grep -nF -A4 -- '\"node_modules/{package_name}\"' package-lock.json" },
      { text: "Ask the registry what it publishes for this version.", command: "npm view {package_name}@{version} dist.integrity dist.tarball --registry {registry}" },
      { text: "Hash the tarball yourself and compare it with the lockfile's value ({expected_integrity}).", command: "curl -sL {url} | openssl dgst -sha512 -binary | base64 -w0; echo" },
      { text: "Check the local cache for corruption.", command: "npm cache verify" },
    ],
    fix: [
      { text: "If the registry and the lockfile agree but the download differed, the cache or a proxy in between is at fault: clear the cache and install again.", command: "npm cache clean --force\nnpm ci" },
      { text: "If the registry now serves different content than the lockfile recorded, find out why before accepting it (a republished version, a lockfile resolved against another registry). Only then regenerate the entry and review the diff.", command: "npm cache clean --force\nrm -rf node_modules\nnpm install --package-lock-only\ngit diff package-lock.json" },
    ],
    prevent: [
      { text: "Install with `npm ci` in CI (it never rewrites the lockfile), and resolve every package from one registry so `resolved` URLs and integrities do not change with the machine.", command: "npm config get registry" },
      { text: "Use a caching registry proxy that never rewrites tarballs, and do not hand-edit package-lock.json." },
    ],
  },
  {
    id: "npm-unauthorized",
    ecosystem: "npm",
    classes: ["http_401", "auth_required"],
    aliases: ["npm-error.http-401", "npm-error.auth-required"],
    title: "npm E401: registry rejected the credentials",
    summary: "The registry answered 401: npm sent no token, an expired or revoked one, or a token for another registry (the .npmrc auth line must match the registry URL exactly).",
    diagnose: [
      { text: "Which registry does npm use, for the default and for the package's scope?", command: "npm config get registry\nnpm config get {scope}:registry" },
      { text: "Which .npmrc files are read and what auth keys they contain (values are hidden).", command: "npm config list" },
      { text: "Test the token against that registry.", command: "npm whoami --registry {registry}" },
    ],
    fix: [
      { text: "Add an auth line for exactly that registry (the key is the registry URL without the scheme, ending in /). npm expands ${NPM_TOKEN} from the environment when it reads .npmrc.", command: "echo '{registry_auth_key}:_authToken=${NPM_TOKEN}' >> .npmrc" },
      { text: "Route the scope to the registry that hosts it.", command: "echo '{scope}:registry={registry}' >> .npmrc", when: ["scope"] },
      { text: "If the token expired or was revoked, issue a new read-only (automation) token and update the CI secret." },
    ],
    prevent: [
      { text: "Keep tokens out of the repository: commit .npmrc with ${NPM_TOKEN} and inject the secret in CI (setup-node's registry-url + NODE_AUTH_TOKEN does this)." },
      { text: "Rotate registry tokens on a schedule and alert before they expire." },
    ],
  },
  {
    id: "npm-forbidden",
    ecosystem: "npm",
    classes: ["http_403"],
    aliases: ["npm-error.http-403"],
    title: "npm E403: access to {package_name} forbidden",
    summary: "The registry knows who you are but refuses this request: the token lacks read access to the package or scope, the package is blocked by a registry policy, or it is a publish without rights.",
    diagnose: [
      { text: "Repeat the request with HTTP logging to see the registry's message.", command: "npm view {package_name} --registry {registry} --loglevel http" },
      { text: "Check which account the token belongs to.", command: "npm whoami --registry {registry}" },
      { text: "Check the scope's registry mapping.", command: "npm config get {scope}:registry" },
    ],
    fix: [
      { text: "Grant the CI account read access to the package or scope (team membership, package access, or the token's allowed scopes), or use a token that has it." },
      { text: "If a registry policy blocks the package (security or licence rule), pick an allowed version or request an exception; do not switch CI to another registry to get around it." },
    ],
    prevent: [
      { text: "Give CI one automation token with read access to everything the builds install, owned by a team rather than a person." },
    ],
  },
  {
    id: "npm-not-found",
    ecosystem: "npm",
    classes: ["not_found"],
    aliases: ["npm-error.not-found"],
    title: "npm E404/ETARGET: {package} not found",
    summary: "The registry has no {package_name} (E404), or no version matching the requested range (ETARGET). Private registries also answer 404 when the token cannot see the package.",
    diagnose: [
      { text: "Ask the registry for the package and its versions.", command: "npm view {package_name} versions --json --registry {registry}" },
      { text: "Check whether the requested range matches any version.", command: "npm view {package} version --registry {registry}" },
      { text: "Check that the scope goes to the registry that hosts it.", command: "npm config get registry\nnpm config get {scope}:registry" },
    ],
    fix: [
      { text: "Fix the name or the version range in package.json (and the lockfile), or publish the missing version." },
      { text: "Map the scope to the right registry.", command: "echo '{scope}:registry=<registry-url-hosting-the-scope>' >> .npmrc", when: ["scope"] },
      { text: "If it is private, make sure the token can read it (a 404 can hide a permission problem): see the E401/E403 runbooks." },
    ],
    prevent: [
      { text: "Reserve your organisation's scope on the public registry so a missing private package can never be satisfied by someone else's (dependency confusion)." },
    ],
  },
  {
    id: "npm-eresolve",
    ecosystem: "npm",
    classes: ["version_conflict"],
    aliases: ["npm-error.version-conflict"],
    title: "npm ERESOLVE: conflicting peer dependency",
    summary: "npm 7+ could not build a dependency tree that satisfies every peerDependency: {conflict}.",
    diagnose: [
      { text: "Read the full explanation npm wrote (the 'Could not resolve dependency' block) and see who depends on what.", command: "npm explain {package_name}\nnpm ls {package_name}" },
      { text: "Check which peer range the other package asks for.", command: "npm view <package-with-the-peer-dependency> peerDependencies" },
    ],
    fix: [
      { text: "Align the versions: upgrade or downgrade one side so the peer range is met, then regenerate the lockfile.", command: "npm install <package>@<compatible-version>" },
      { text: "If you know the combination works, declare it with `overrides` in package.json (npm 8.3+) rather than disabling the check." },
      { text: "Last resort, for one install only: skip peer dependency resolution (npm 6 behaviour). Do not put this in .npmrc for everyone.", command: "npm install --legacy-peer-deps" },
    ],
    prevent: [
      { text: "Upgrade packages that share peers together (grouped dependency updates) and run `npm ci` so the lockfile is what CI uses." },
    ],
  },
  {
    id: "npm-eacces",
    ecosystem: "npm",
    classes: ["permission_denied"],
    aliases: ["npm-error.permission-denied"],
    title: "npm EACCES: cannot write {path}",
    summary: "npm could not {syscall} {path}: the directory belongs to another user (often root, after a `sudo npm ...`), or a global install targets a system prefix.",
    diagnose: [
      { text: "Who owns the path and who is npm running as?", command: "ls -ld {path_dir} {path}\nid" },
      { text: "Where do global installs and the cache go?", command: "npm config get prefix\nnpm config get cache" },
    ],
    fix: [
      { text: "Do not use sudo with npm. Give the directory back to the user that runs the build.", command: "sudo chown -R \"$USER\": {path_dir}" },
      { text: "For global installs, use a prefix in the user's home (or npx / a version manager such as nvm).", command: "npm config set prefix ~/.npm-global\nexport PATH=\"$HOME/.npm-global/bin:$PATH\"" },
      { text: "If the npm cache is root-owned, point it at a writable directory.", command: "npm config set cache ~/.npm" },
    ],
    prevent: [
      { text: "Run builds as one non-root user that owns the checkout (in Docker: `USER node` and `COPY --chown=node:node`), and never `sudo npm install`." },
    ],
  },
  {
    id: "npm-registry-unreachable",
    ecosystem: "npm",
    classes: ["connection_refused", "dns_failure", "timeout", "tls_error"],
    aliases: ["npm-error.connection-refused", "npm-error.dns-failure", "npm-error.timeout", "npm-error.tls-error"],
    title: "npm cannot reach the registry {hostname}",
    summary: "npm could not talk to {registry}: the host name does not resolve, nothing listens, the connection times out (firewall or missing proxy), or TLS fails (corporate CA not trusted).",
    diagnose: [
      { text: "Which registry, proxy and CA settings does npm use?", command: "npm config get registry\nnpm config get proxy\nnpm config get https-proxy\nnpm config get noproxy\nnpm config get cafile" },
      { text: "Can the runner resolve and reach the host?", command: "getent hosts {hostname}\nnc -vz -w 5 {hostname} {port}" },
      { text: "Try the registry directly (shows DNS, proxy and TLS steps).", command: "curl -sv {registry}" },
      { text: "Let npm check the registry itself.", command: "npm ping --registry {registry}" },
      { text: "Look for proxy variables that npm and curl pick up.", command: "env | grep -i _proxy" },
    ],
    fix: [
      { text: "Point npm at a registry this runner can reach (the organisation's mirror, or the public registry).", command: "npm config set registry <reachable-registry-url>" },
      { text: "Behind an HTTP proxy, configure it for npm.", command: "npm config set https-proxy http://<proxy-host>:<port>\nnpm config set noproxy localhost,127.0.0.1" },
      { text: "For a TLS error with a corporate CA, trust the CA instead of disabling verification (never `strict-ssl=false`).", command: "npm config set cafile /path/to/corporate-ca.pem\nexport NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem" },
      { text: "For flaky networks, raise npm's retries and timeouts.", command: "npm config set fetch-retries 5\nnpm config set fetch-retry-maxtimeout 120000" },
    ],
    prevent: [
      { text: "Cache ~/.npm between CI runs and install with `npm ci --prefer-offline`, so short registry outages do not fail builds." },
      { text: "Monitor the registry mirror and its DNS name from the runner network." },
    ],
  },
  {
    id: "npm-error",
    ecosystem: "npm",
    classes: ["enoent", "process_exit"],
    title: "npm command failed ({code})",
    summary: "npm stopped with error code {code}; the lines before it and npm's debug log say which step failed (a missing package.json or binary for ENOENT, a failing lifecycle script for ELIFECYCLE).",
    diagnose: [
      { text: "Read the complete debug log npm wrote (its path is printed at the end of the error).", command: "ls -t ~/.npm/_logs/ | head -3" },
      { text: "Check versions and the working directory (ENOENT on package.json means npm ran in the wrong directory).", command: "node -v && npm -v\npwd && ls package.json package-lock.json" },
      { text: "Re-run with more logging.", command: "npm ci --loglevel verbose" },
      { text: "Let npm check the environment.", command: "npm doctor" },
    ],
    fix: [
      { text: "Fix what the first error names; for ELIFECYCLE, run the failing script by itself to see its own error.", command: "npm run <script> --loglevel verbose" },
    ],
    prevent: [
      { text: "Pin Node and npm versions (engines in package.json, .nvmrc, setup-node node-version-file) so CI matches developers." },
    ],
  },
];

// Network failures any tool can hit. Steps marked `when: ["proxy"]` appear when the failing URL was a Go
// module proxy URL (the renderer derives {proxy} from `/@v/` URLs).
import type { Runbook } from "./types";

const PROXY_ENV = {
  text: "Check the proxy variables the tool inherits (lower- and upper-case forms are both honoured by most tools; NO_PROXY must list internal hosts).",
  command: "env | grep -i -E '^(https?|no|all)_proxy='",
};

export const networkRunbooks: Runbook[] = [
  {
    id: "dns-failure",
    ecosystem: "network",
    classes: ["dns_failure"],
    title: "DNS lookup failed for {hostname}",
    summary: "The runner could not resolve {hostname}: the name is wrong or not published, it only exists in an internal DNS zone the runner does not use (VPN, split horizon), or the resolver is down.",
    diagnose: [
      { text: "Resolve the name the way programs do (NSS: /etc/hosts, then DNS) and with DNS directly.", command: "getent hosts {hostname}\ndig +short {hostname}" },
      { text: "Which resolvers and search domains does the runner use? (Containers get their own /etc/resolv.conf.)", command: "cat /etc/resolv.conf" },
      PROXY_ENV,
      { text: "The request came from the Go module proxy setting: check GOPROXY and friends.", command: "go env GOPROXY GOPRIVATE GONOPROXY GOFLAGS", when: ["proxy"] },
    ],
    fix: [
      { text: "If the host name is wrong, fix the configuration that names it (registry, proxy, database URL)." },
      { text: "If it is an internal name, give the runner the internal resolver (runner network/VPN, docker --dns, Kubernetes dnsConfig) rather than hard-coding addresses." },
      { text: "Go: point GOPROXY at a proxy this runner can resolve and reach (your internal mirror), optionally with a fallback; `|` falls back on any error, `,` only on 404/410.", command: "go env -w GOPROXY='https://<internal-goproxy>|https://proxy.golang.org,direct'", when: ["proxy"] },
      { text: "Go, with no network at all: build from a vendored copy.", command: "go mod vendor\ngo build -mod=vendor ./...", when: ["proxy"] },
    ],
    prevent: [
      { text: "Check DNS for every external dependency in the runner image's health check, and prefer mirrors inside the network for registries and proxies." },
    ],
  },
  {
    id: "connection-refused",
    ecosystem: "network",
    classes: ["connection_refused"],
    title: "Connection refused by {host}",
    summary: "{hostname} actively refused the TCP connection on port {port}: nothing listens there (service down, not started yet, wrong port), or it listens only on another interface.",
    diagnose: [
      { text: "Test the port from the runner.", command: "nc -vz -w 5 {hostname} {port}" },
      { text: "Repeat the request.", command: "curl -sv {url}" },
      { text: "On the target host: is anything listening on that port, and on which address?", command: "ss -ltnp" },
      PROXY_ENV,
      { text: "The request came from the Go module proxy setting: check which proxy is configured.", command: "go env GOPROXY GOFLAGS", when: ["proxy"] },
    ],
    fix: [
      { text: "Start the service, or in CI wait for it to become ready before using it (service containers need a health check).", command: "until nc -z {hostname} {port}; do sleep 1; done" },
      { text: "Fix the host or port in the configuration if it points at the wrong place (a service in a container listening on 127.0.0.1 is not reachable from outside it; bind 0.0.0.0)." },
      { text: "Go: the configured GOPROXY {proxy} is down; use a reachable proxy.", command: "go env -w GOPROXY=https://proxy.golang.org,direct", when: ["proxy"] },
    ],
    prevent: [
      { text: "Make jobs depend on health-checked services rather than fixed sleeps, and monitor the endpoints CI depends on." },
    ],
  },
  {
    id: "network-timeout",
    ecosystem: "network",
    classes: ["timeout"],
    title: "Network timeout talking to {host}",
    summary: "The connection to {host} or its answer did not arrive in time ({detail}): a firewall silently drops packets, a required HTTP proxy is not configured, the server is overloaded, or the link is slow.",
    diagnose: [
      { text: "Does the TCP connection open at all? (A hang here, rather than 'refused', points at a firewall or routing.)", command: "nc -vz -w 5 {hostname} {port}" },
      { text: "Time the request and see where it stalls (DNS, connect, TLS, first byte).", command: "curl -sv -o /dev/null --max-time 30 -w 'dns %{time_namelookup}s connect %{time_connect}s tls %{time_appconnect}s first-byte %{time_starttransfer}s\\n' {url}" },
      PROXY_ENV,
      { text: "Trace the route to the port.", command: "tracepath -p {port} {hostname}" },
    ],
    fix: [
      { text: "If egress must go through a proxy, configure it for the tool (HTTPS_PROXY / NO_PROXY, or the tool's own setting).", command: "export HTTPS_PROXY=http://<proxy-host>:<port>\nexport NO_PROXY=localhost,127.0.0.1,.internal.example" },
      { text: "If a firewall drops the traffic, open egress from the runner network to {hostname}:{port}." },
      { text: "Go: add a second proxy that is tried on any error.", command: "go env -w GOPROXY='{proxy}|https://proxy.golang.org,direct'", when: ["proxy"] },
    ],
    prevent: [
      { text: "Cache dependencies between runs and use in-network mirrors so builds do not depend on long-distance links; alert on mirror latency." },
    ],
  },
  {
    id: "tls-certificate",
    ecosystem: "network",
    classes: ["tls_error"],
    title: "TLS certificate problem with {hostname}",
    summary: "The TLS handshake with {hostname} failed verification ({detail}): the server's certificate is signed by a CA the runner does not trust (corporate or self-signed CA, TLS-inspecting proxy), expired, issued for another name, or the runner's clock is wrong.",
    diagnose: [
      { text: "Show the chain the server sends, who issued it, and its validity dates.", command: "openssl s_client -connect {hostname}:{port} -servername {hostname} -showcerts </dev/null" },
      { text: "Check names and dates of the leaf certificate.", command: "openssl s_client -connect {hostname}:{port} -servername {hostname} </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates -ext subjectAltName" },
      { text: "Check the runner's clock (a wrong clock makes valid certificates look expired or not yet valid).", command: "date -u" },
      { text: "Which CA bundle overrides are set for the tools?", command: "env | grep -E '^(SSL_CERT_FILE|SSL_CERT_DIR|NODE_EXTRA_CA_CERTS|GIT_SSL_CAINFO|REQUESTS_CA_BUNDLE|PIP_CERT|CURL_CA_BUNDLE)='" },
    ],
    fix: [
      { text: "Install the corporate/self-signed CA into the system trust store (Debian/Ubuntu shown); Go, git, curl and pip use it.", command: "sudo cp corporate-ca.crt /usr/local/share/ca-certificates/\nsudo update-ca-certificates" },
      { text: "Or point individual tools at a CA bundle: Go and OpenSSL-based tools read SSL_CERT_FILE, Node reads NODE_EXTRA_CA_CERTS, git reads GIT_SSL_CAINFO, pip reads PIP_CERT/REQUESTS_CA_BUNDLE.", command: "export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\nexport NODE_EXTRA_CA_CERTS=/path/to/corporate-ca.pem\nexport GIT_SSL_CAINFO=/path/to/corporate-ca.pem" },
      { text: "If the certificate is expired or names another host, the server must be fixed. Do not disable verification (GIT_SSL_NO_VERIFY, npm strict-ssl=false, pip --trusted-host, GOINSECURE, curl -k): it removes the protection against interception." },
    ],
    prevent: [
      { text: "Ship the organisation's CA in the runner base image, and monitor certificate expiry of internal endpoints." },
    ],
  },
  {
    id: "rate-limited",
    ecosystem: "network",
    classes: ["rate_limited"],
    title: "Rate limited by {host} (429)",
    summary: "{host} answered 429 Too Many Requests: anonymous or shared credentials exceeded the server's quota, often because many CI jobs fetch the same things at once.",
    diagnose: [
      { text: "Read the limit headers (Retry-After, X-RateLimit-*, RateLimit-*).", command: "curl -sI {url} | grep -iE '^(retry-after|x-ratelimit|ratelimit)'" },
      { text: "Count how many jobs hit the host at the same time (matrix builds, retries in loops)." },
    ],
    fix: [
      { text: "Wait for the time in Retry-After and retry with backoff, not in a tight loop." },
      { text: "Authenticate requests (authenticated quotas are higher), with a token from the CI secret store." },
      { text: "Go: cache the module download directory between CI runs and fetch through a caching proxy, so each run does not hit the origin.", command: "go env GOMODCACHE GOPROXY", when: ["proxy"] },
    ],
    prevent: [
      { text: "Put a caching mirror (module proxy, registry mirror, artifact cache) between CI and public services, and cache dependency directories keyed on lockfiles." },
    ],
  },
];

// Network failures as printed by Go programs (cmd/go, docker, kubectl, terraform), curl, wget, Python
// and the JVM. Tool-specific wrappers (npm's block, pip's retry warnings) are in their own tables.
import { classFromErrno, classifyText, errnoName } from "./classify";
import type { Rule } from "./rule";
import { ANY_URL, GO_HTTP_URL, GO_MODULE, QUOTED_ACCESS_URL } from "./shared-extractors";

const GO_CONTEXT = [GO_MODULE, GO_HTTP_URL, QUOTED_ACCESS_URL];

export const networkRules: Rule[] = [
  {
    id: "net.dns-lookup",
    ecosystem: "net",
    class: "dns_failure",
    runbookId: "dns-failure",
    literals: ["no such host", "server misbehaving", "no answer from DNS", "Temporary failure in name resolution"],
    pattern: /\blookup (?<host>[^\s:]+)(?: on [^\s:]+(?::\d+)?)?: (?<detail>no such host|server misbehaving|Temporary failure in name resolution|no answer from DNS server)/,
    extract: GO_CONTEXT,
  },
  {
    id: "net.dns-lookup-timeout",
    ecosystem: "net",
    class: "dns_failure",
    runbookId: "dns-failure",
    literals: ["read udp"],
    pattern: /\blookup (?<host>[^\s:]+)(?: on \S+?)?: read udp \S+: (?<detail>i\/o timeout|connection refused)/,
    extract: GO_CONTEXT,
  },
  {
    id: "net.dial-refused",
    ecosystem: "net",
    class: "connection_refused",
    runbookId: "connection-refused",
    literals: ["connect: connection refused"],
    pattern: /\bdial (?:tcp[46]?|udp|unix) (?<host>\S+): connect: connection refused/,
    extract: GO_CONTEXT,
  },
  {
    id: "net.dial-timeout",
    ecosystem: "net",
    class: "timeout",
    runbookId: "network-timeout",
    literals: ["i/o timeout", "connection timed out"],
    pattern: /\bdial (?:tcp[46]?|udp) (?<host>\S+): (?:connect: )?(?<detail>i\/o timeout|connection timed out)/,
    extract: GO_CONTEXT,
  },
  {
    id: "net.http-timeout",
    ecosystem: "net",
    class: "timeout",
    runbookId: "network-timeout",
    literals: ["Client.Timeout exceeded", "context deadline exceeded", "TLS handshake timeout", "timeout awaiting response headers"],
    pattern: /(?<detail>Client\.Timeout exceeded while awaiting headers|context deadline exceeded|TLS handshake timeout|net\/http: timeout awaiting response headers)/,
    extract: GO_CONTEXT,
  },
  {
    id: "net.x509",
    ecosystem: "net",
    class: "tls_error",
    runbookId: "tls-certificate",
    literals: ["x509: "],
    pattern: /(?<detail>x509: (?:[\w.,'-]+ )*[\w.,'-]*[\w'])/,
    extract: GO_CONTEXT,
  },
  {
    id: "net.tls-verify",
    ecosystem: "net",
    class: "tls_error",
    runbookId: "tls-certificate",
    literals: [
      "SSL certificate problem", "CERTIFICATE_VERIFY_FAILED", "certificate verify failed", "PKIX path building failed",
      "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "CERT_HAS_EXPIRED",
      "DEPTH_ZERO_SELF_SIGNED_CERT", "ERR_TLS_CERT_ALTNAME_INVALID", "unable to get local issuer certificate",
      "tls: failed to verify", "tls: bad certificate", "tls: unknown certificate authority", "SSL peer certificate", "server certificate verification failed",
    ],
    pattern: /(?<detail>SSL certificate problem: [^'"\n]*[^'"\s.]|\[SSL: CERTIFICATE_VERIFY_FAILED\][^'")\n]*[^'")\s]|certificate verify failed|PKIX path building failed|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT(?:_LOCALLY)?|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_HAS_EXPIRED|DEPTH_ZERO_SELF_SIGNED_CERT|ERR_TLS_CERT_ALTNAME_INVALID|unable to get local issuer certificate|tls: (?:failed to verify certificate|bad certificate|unknown certificate authority)|SSL peer certificate or SSH remote key was not OK|server certificate verification failed)/,
    extract: [...GO_CONTEXT, ANY_URL],
    // Node prints the error's stack and property block under it (`  code: 'ERR_TLS_…'`, `  host: …`).
    continuation: { line: /^\s+at |^\s+[\w$]+: |^\s*\},?\s*$/, fields: [/^\s+host: '(?<host>[^']+)'/], max: 80 },
  },
  {
    id: "net.curl-connect",
    ecosystem: "net",
    class: (f) => (/refused|couldn't connect/i.test(String(f.detail)) ? "connection_refused" : "timeout"),
    runbookId: "connection-refused",
    literals: ["Failed to connect to "],
    pattern: /Failed to connect to (?<host>\S+) port (?<port>\d+)(?: after \d+ ms)?: (?<detail>Connection refused|Couldn't connect to server|Connection timed out|Timeout was reached)/,
    extract: [QUOTED_ACCESS_URL],
  },
  {
    id: "net.resolve-host",
    ecosystem: "net",
    class: "dns_failure",
    runbookId: "dns-failure",
    literals: ["Could not resolve host", "Couldn't resolve host", "UnknownHostException", "unable to resolve host address", "getaddrinfo ENOTFOUND", "getaddrinfo EAI_AGAIN"],
    pattern: /(?:Could not resolve host(?:name)?:? |Couldn't resolve host(?: name)? \(Could not resolve host: |UnknownHostException: |unable to resolve host address [‘'`]|getaddrinfo (?<errno>ENOTFOUND|EAI_AGAIN) )(?<host>[^\s:)'"’,]+)/,
    extract: [QUOTED_ACCESS_URL, ANY_URL],
  },
  {
    id: "net.resolver-message",
    ecosystem: "net",
    class: "dns_failure",
    runbookId: "dns-failure",
    literals: ["Name or service not known", "Temporary failure in name resolution", "nodename nor servname provided", "No address associated with hostname"],
    pattern: /(?<detail>Name or service not known|Temporary failure in name resolution|nodename nor servname provided, or not known|No address associated with hostname)/,
    extract: [/host='(?<host>[^']+)'/, /Failed to resolve '(?<host2>[^']+)'/, ANY_URL],
    post: (f) => {
      f.host ??= f.host2;
      delete f.host2;
    },
  },
  {
    // Python's socket errors (`[Errno 111] Connection refused`, `[Errno 2] No such file or directory: 'x'`).
    id: "net.python-errno",
    ecosystem: "python",
    class: (f) => classFromErrno(f.errno) ?? classifyText(String(f.reason)),
    literals: ["[Errno "],
    pattern: /\[Errno (?<errno_num>-?\d+)\] (?<reason>[A-Za-z][\w ]*[a-z])(?:: '(?<path>[^'\n]+)')?/,
    extract: [/host='(?<host>[^']+)', port=(?<port>\d+)/],
    post: (f) => {
      f.errno = errnoName(f.errno_num) ?? String(f.errno_num);
    },
  },
  {
    id: "net.connection-refused",
    ecosystem: "net",
    class: "connection_refused",
    runbookId: "connection-refused",
    literals: ["onnection refused"],
    pattern: /(?<detail>[Cc]onnection refused)/,
    extract: [...GO_CONTEXT, ANY_URL],
  },
  {
    id: "net.timed-out",
    ecosystem: "net",
    class: "timeout",
    runbookId: "network-timeout",
    literals: ["timed out", "Timeout was reached", "i/o timeout", "deadline exceeded"],
    pattern: /(?<detail>Connection timed out|Operation timed out|Read timed out|[Cc]onnect timed out|timed out after [\d.]+ ?[a-z]+|Timeout was reached|i\/o timeout|deadline exceeded)/,
    extract: [...GO_CONTEXT, ANY_URL],
  },
];

// npm (v7+ `npm error`, v6 `npm ERR!`), yarn and pnpm. npm states a failure as a block that starts with
// `npm error code X` and continues with `npm error ...` lines carrying the details.
import type { EventClass } from "../types";
import { classFromStatus, classifyText, hostFromUrl } from "./classify";
import type { Fields, Rule } from "./rule";

const NPM_CODE_CLASS: Record<string, EventClass> = {
  E401: "http_401",
  EAUTHUNKNOWN: "http_401",
  ENEEDAUTH: "auth_required",
  E403: "http_403",
  E404: "not_found",
  E410: "not_found",
  ETARGET: "not_found",
  E429: "rate_limited",
  EINTEGRITY: "checksum_mismatch",
  ERESOLVE: "version_conflict",
  EBADENGINE: "version_conflict",
  ENOTSUP: "version_conflict",
  EACCES: "permission_denied",
  EPERM: "permission_denied",
  EROFS: "permission_denied",
  ENOENT: "enoent",
  ENOSPC: "disk_full",
  ENOMEM: "out_of_memory",
  ECONNREFUSED: "connection_refused",
  ENOTFOUND: "dns_failure",
  EAI_AGAIN: "dns_failure",
  ETIMEDOUT: "timeout",
  ESOCKETTIMEDOUT: "timeout",
  ERR_SOCKET_TIMEOUT: "timeout",
  SELF_SIGNED_CERT_IN_CHAIN: "tls_error",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "tls_error",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "tls_error",
  CERT_HAS_EXPIRED: "tls_error",
  DEPTH_ZERO_SELF_SIGNED_CERT: "tls_error",
  ERR_TLS_CERT_ALTNAME_INVALID: "tls_error",
  ELIFECYCLE: "process_exit",
};

function npmCodeClass(f: Fields, text = ""): EventClass | null {
  const code = String(f.code ?? "");
  // `npm ci` refusing a package-lock.json that is out of sync with package.json.
  if (code === "EUSAGE") return /lock file|package-lock\.json.*in sync|in sync/.test(text) ? "version_conflict" : null;
  if (/^\d+$/.test(code)) return code === "0" ? null : "process_exit";
  // make-fetch-happen's failures carry the cause only in their text (`network timeout at: URL`).
  if (code === "FETCH_ERROR") return /network timeout|ETIMEDOUT|socket timeout/i.test(text) ? "timeout" : classifyText(text);
  return NPM_CODE_CLASS[code] ?? null;
}

// The update notifier asks the registry for the `npm` package and audit/ping use `/-/` endpoints; a
// private registry answering 404 there is expected and harmless.
const NPM_HOUSEKEEPING = /^https?:\/\/[^/]+(?:\/[^/]+)*?\/(?:npm|-\/.*)$/;

const PNPM_CODE_CLASS: Record<string, EventClass> = {
  NO_MATCHING_VERSION: "not_found",
  TARBALL_INTEGRITY: "checksum_mismatch",
  PEER_DEP_ISSUES: "version_conflict",
  UNSUPPORTED_ENGINE: "version_conflict",
  ENOSPC: "disk_full",
  EACCES: "permission_denied",
};

export const npmRules: Rule[] = [
  {
    id: "npm.error-block",
    ecosystem: "npm",
    class: (f, text) => npmCodeClass(f, text),
    runbookId: "npm-error",
    literals: ["npm error code ", "npm ERR! code "],
    pattern: /^npm (?:error|ERR!) code (?<code>[\w-]+)\s*$/,
    continuation: {
      // A child's own statement relayed line by line (git's `fatal: repository … not found`) is its event.
      line: /^npm (?:error|ERR!)(?: (?!fatal: )|$)/,
      max: 400,
      fields: [
        /^npm (?:error|ERR!) (?<status>[45]\d\d) (?:[45]\d\d )?[A-Z][\w ]*? - (?:GET|PUT|POST|HEAD|DELETE) (?<url>\S+)/,
        /^npm (?:error|ERR!) 404 +The requested resource '(?<package>[^']+)' could not be found/,
        /^npm (?:error|ERR!) 404 +'(?<package>[^']+)' is not in (?:this|the npm) registry/,
        /^npm (?:error|ERR!) notarget No matching version found for (?<package>\S+?)\.?$/,
        /^npm (?:error|ERR!) syscall (?<syscall>\S+)/,
        /^npm (?:error|ERR!) errno (?<errno>\S+)/,
        /^npm (?:error|ERR!) path (?<path>\S.*)$/,
        /^npm (?:error|ERR!) (?:\w+Error: |network )?request to (?<url>\S+) failed, reason: (?<reason>.+)$/,
        /^npm (?:error|ERR!) network timeout at: (?<url>\S+)/,
        /getaddrinfo (?:ENOTFOUND|EAI_AGAIN) (?<host>[^\s,]+)/,
        /integrity checksum failed when using (?<algorithm>\w+): wanted (?<expected_integrity>\S+) but got (?<actual_integrity>[^\s.]+(?:\.[^\s.]+)*?)\.? /,
        /^npm (?:error|ERR!) command (?!failed$)(?<command>\S.*)$/,
        /^npm (?:error|ERR!) (?:Could not resolve dependency:|peer) ?(?<conflict>\S+@"[^"]+" from \S+)?/,
      ],
    },
    role: "summary",
    foldWindow: 2000,
    post: (f) => {
      if (/^\d+$/.test(String(f.code))) f.exit_code = Number(f.code);
      if (f.url && f.code === "ENOTFOUND" && f.host === undefined) {
        const host = hostFromUrl(f.url);
        if (host) f.host = host;
      }
      if (f.status !== undefined) f.status = Number(f.status);
    },
    key: ["code", "url", "package"],
    foldInto: ["npm.", "yarn.", "pnpm."],
  },
  {
    id: "npm.tarball-corrupted",
    ecosystem: "npm",
    class: "checksum_mismatch",
    runbookId: "npm-eintegrity",
    literals: ["seems to be corrupted"],
    pattern: /^npm (?:warn|WARN) tarball tarball data for (?<package>(?:@[^/\s]+\/)?[^@\s]+)@(?<spec>\S+) \((?<expected_integrity>[^)\s]+)\) seems to be corrupted/,
    fields: { severity: "warning" },
    post: (f) => {
      if (/^[a-z+]+:\/\//.test(String(f.spec))) f.url = f.spec;
      else f.version = f.spec;
      delete f.spec;
    },
    key: ["package", "expected_integrity"],
  },
  {
    id: "npm.http-fetch",
    ecosystem: "npm",
    class: (f) => classFromStatus(f.status),
    runbookId: "npm-error",
    literals: ["npm http fetch ", "npm http "],
    pattern: /^npm (?:http fetch|http) (?<method>GET|HEAD|PUT|POST|DELETE) (?<status>[45]\d\d) (?<url>\S+)/,
    post: (f) => !NPM_HOUSEKEEPING.test(String(f.url)),
    key: ["url", "status"],
  },
  {
    // With --loglevel http npm states each failed attempt before giving up with its error block.
    id: "npm.fetch-attempt-failed",
    ecosystem: "npm",
    class: (f) => npmCodeClass(f),
    runbookId: "npm-error",
    literals: ["npm http fetch "],
    pattern: /^npm http fetch (?<method>GET|HEAD|PUT|POST|DELETE) (?<url>\S+) attempt \d+ failed with (?<code>[A-Z][A-Z0-9_]+)/,
    post: (f) => {
      if (f.code === "ENOTFOUND" || f.code === "EAI_AGAIN") {
        const host = hostFromUrl(f.url);
        if (host) f.host = host.replace(/:\d+$/, "");
      }
    },
    key: ["url", "code"],
  },
  {
    id: "yarn.request-failed",
    ecosystem: "npm",
    class: (f) => classFromStatus(f.status),
    literals: ["Request failed \\\"", "Request failed \""],
    pattern: /Request failed \\?"(?<status>[45]\d\d) /,
    extract: [/"(?<url>https?:\/\/[^"\s]+?): Request failed/],
    key: ["url", "status"],
  },
  {
    id: "pnpm.error",
    ecosystem: "npm",
    class: (f, text) => {
      const code = String(f.code);
      const status = /^FETCH_(\d{3})$/.exec(code);
      if (status) return classFromStatus(status[1]);
      return PNPM_CODE_CLASS[code] ?? classifyText(text);
    },
    literals: ["ERR_PNPM_"],
    pattern: /ERR_PNPM_(?<code>[A-Z0-9_]+)/,
    extract: [/(?:GET|HEAD) (?<url>https?:\/\/\S+?):? /],
    key: ["code", "url"],
  },
];

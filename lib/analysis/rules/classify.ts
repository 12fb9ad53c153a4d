// Shared field helpers: turning status codes, errno names and free-text details into event classes,
// and small parsers for hosts and Python errno numbers.
import type { EventClass } from "../types";
import type { Fields } from "./rule";

export function classFromStatus(status: unknown): EventClass | null {
  switch (Number(status)) {
    case 401:
    case 407:
      return "http_401";
    case 403:
      return "http_403";
    case 404:
    case 410:
      return "not_found";
    case 429:
      return "rate_limited";
    default:
      return null;
  }
}

const ERRNO_CLASS: Record<string, EventClass> = {
  ENOENT: "enoent",
  ENOTDIR: "enoent",
  EACCES: "permission_denied",
  EPERM: "permission_denied",
  EROFS: "permission_denied",
  ENOSPC: "disk_full",
  EDQUOT: "disk_full",
  ENOMEM: "out_of_memory",
  ECONNREFUSED: "connection_refused",
  ECONNRESET: "connection_refused", // the peer dropped the connection (the taxonomy has no closer class)
  ETIMEDOUT: "timeout",
  ESOCKETTIMEDOUT: "timeout",
  ERR_SOCKET_TIMEOUT: "timeout",
  ENOTFOUND: "dns_failure",
  EAI_AGAIN: "dns_failure",
  EAI_NONAME: "dns_failure",
  EAI_FAIL: "dns_failure",
};

export function classFromErrno(code: unknown): EventClass | null {
  return ERRNO_CLASS[String(code ?? "").toUpperCase()] ?? null;
}

// Linux errno numbers as Python prints them (`[Errno 111] Connection refused`) and the resolver's
// negative EAI codes (`[Errno -2] Name or service not known`).
const PY_ERRNO: Record<string, string> = {
  "2": "ENOENT",
  "13": "EACCES",
  "1": "EPERM",
  "28": "ENOSPC",
  "12": "ENOMEM",
  "110": "ETIMEDOUT",
  "111": "ECONNREFUSED",
  "113": "EHOSTUNREACH",
  "101": "ENETUNREACH",
  "104": "ECONNRESET",
  "30": "EROFS",
  "-2": "EAI_NONAME",
  "-3": "EAI_AGAIN",
  "-5": "EAI_NODATA",
  "8": "EAI_NONAME",
};

export function errnoName(num: unknown): string | undefined {
  return PY_ERRNO[String(num)];
}

// Free-text details (docker daemon, cargo "Caused by", maven transfer errors) ordered most specific first.
const DETAIL_CLASSES: [RegExp, EventClass][] = [
  [/toomanyrequests|too many requests|rate limit|\b429\b/i, "rate_limited"],
  [/x509:|certificate (?:verify failed|signed by unknown|has expired|is not valid)|self[- ]signed certificate|SSL certificate problem|PKIX path building failed|unable to get local issuer|CERTIFICATE_VERIFY_FAILED|SSL peer certificate/i, "tls_error"],
  [/no such host|could not resolve host|couldn't resolve host|name or service not known|temporary failure in name resolution|nodename nor servname|UnknownHostException|getaddrinfo (?:ENOTFOUND|EAI_AGAIN)|server misbehaving|unknown host/i, "dns_failure"],
  [/connection refused|ECONNREFUSED|couldn't connect to server/i, "connection_refused"],
  [/i\/o timeout|timed out|ETIMEDOUT|deadline exceeded|timeout was reached|Timeout exceeded/i, "timeout"],
  [/\b401\b|unauthorized|authentication required|incorrect username or password|authentication failed/i, "http_401"],
  [/\b403\b|forbidden|\bdenied\b/i, "http_403"],
  [/no space left on device|ENOSPC/i, "disk_full"],
  [/\b404\b|\b410\b|manifest unknown|not found|notfound|does not exist|no matching/i, "not_found"],
];

export function classifyText(text: string): EventClass | null {
  for (const [re, cls] of DETAIL_CLASSES) if (re.test(text)) return cls;
  return null;
}

/** `scheme://user:pw@host:port/path` -> `host:port` (the authority without credentials). */
export function hostFromUrl(url: unknown): string | undefined {
  const m = /^[a-z][\w+.-]*:\/\/(?:[^@/\s]*@)?([^/\s?#]+)/i.exec(String(url ?? ""));
  return m ? m[1] : undefined;
}

/** Sets fields.host/port from an `address` like `127.0.0.1:5432` or `[::1]:80` when they are unset. */
export function splitAddress(f: Fields, address: unknown): void {
  const m = /^\[?([^\]\s]*?)\]?:(\d{1,5})$/.exec(String(address ?? ""));
  if (!m) return;
  f.host ??= m[1];
  f.port ??= Number(m[2]);
}

// What a candidate failure was about, recorded compactly when it happens (most candidates are dropped
// as tolerated), and turned into report-matching terms, event fields and a message only when needed.
import type { FieldValue, StracePathResolution } from "../types";
import { ERRNO_TEXT, isProbeSyscall } from "./classify";
import { basenameOf, type PathKnowledge } from "./paths";
import type { Reportable } from "./report-matching";
import { endpointName, type SocketDest } from "./socket-book";

export type FailureTarget =
  | { type: "path"; errno: string; errText: string; raw: string; resolved?: string; base?: string }
  | { type: "net"; errno: string; errText: string; dest: SocketDest }
  | { type: "fd"; errno: string; errText: string; target?: string }
  | { type: "dns"; qname: string; qtype: string; rcode: string; server?: string }
  | { type: "http"; status: number; reason: string; dest?: SocketDest; request?: string }
  | { type: "pg"; sqlstate: string; detail: string; dest?: SocketDest }
  | { type: "tls"; alert: string; sent: boolean; dest?: SocketDest };

/** How resolvers and the programs using them word a failed lookup (lower case). */
const LOOKUP_FAILED_TEXT = [
  "could not resolve", "name or service not known", "no such host", "name resolution", "enotfound",
  "nodename nor servname", "unknown host", "no address associated", "nxdomain", "getaddrinfo",
];
/** How clients word HTTP answers when they give up (lower case), by status. */
const HTTP_TEXT: Record<number, string[]> = {
  401: ["unauthorized", "authentication", "credential", "username", "password", "terminal prompts disabled"],
  403: ["forbidden", "access denied"],
  404: ["not found", "does not exist", "could not find", "no matching distribution"],
  407: ["proxy authentication required"],
  410: ["gone", "not found", "could not find", "no matching distribution"],
  429: ["too many requests", "rate limit"],
};
/** How TLS clients and servers word a failed handshake (lower case). */
const TLS_TEXT = ["ssl", "tls", "certificate", "handshake", "x509"];
/** How clients word the server's refusal, by SQLSTATE (lower case). */
const PG_TEXT: Record<string, string[]> = {
  "53300": ["too many clients", "too many connections", "remaining connection slots"],
  "3D000": ["does not exist"],
  "28P01": ["password authentication failed", "authentication failed"],
};

const errnoText = (errno: string) => ERRNO_TEXT[errno] ?? [errno.toLowerCase()];

/** `dir/name` of an absolute path at least three components deep (shallower ones are named whole). */
function pathTails(where: string): string[] | undefined {
  if (where.charCodeAt(0) !== 47) return undefined;
  const last = where.lastIndexOf("/");
  const prev = last > 0 ? where.lastIndexOf("/", last - 1) : -1;
  if (prev <= 0 || last === where.length - 1) return undefined;
  const tail = where.slice(prev + 1);
  return tail.length >= 5 ? [tail] : undefined;
}

/** `libsnappy.so`, `libsnappy.a` → `-lsnappy`: how linkers name the library they searched for. */
function linkerName(base: string): string | undefined {
  const m = /^lib(.+?)\.(?:so(?:\.\d+)*|a)$/.exec(base);
  return m ? `-l${m[1]}` : undefined;
}

/** Terms a later message of the process must contain to report this failure. */
export function reportableOf(syscall: string, t: FailureTarget): Reportable {
  switch (t.type) {
    case "path": {
      const where = t.resolved ?? t.raw;
      const bare = !t.raw.includes("/") && !t.raw.includes(".");
      const mentions = bare ? (where !== t.raw ? [where] : []) : where !== t.raw ? [t.raw, where] : [t.raw];
      const linked = linkerName(basenameOf(where));
      return {
        mentions: linked ? [...mentions, linked] : mentions,
        tails: pathTails(where),
        // A bare name counts next to the errno text: programs name what they looked for, not where
        // (`fatal error: jansson.h: No such file or directory` after a search of the include path).
        weakMentions: bare || syscall.startsWith("exec") ? [t.raw, basenameOf(where)] : basenameOf(where).length >= 3 ? [basenameOf(where)] : [],
        errnoTexts: errnoText(t.errno),
        errnoAlone: false,
        needsWording: isProbeSyscall(syscall),
      };
    }
    case "net":
      return {
        mentions: t.dest.path ? [t.dest.path] : t.dest.port !== undefined ? [endpointName(t.dest)] : [],
        weakMentions: [],
        errnoTexts: errnoText(t.errno),
        errnoAlone: true,
      };
    case "fd":
      return { mentions: t.target?.startsWith("/") ? [t.target] : [], weakMentions: [], errnoTexts: errnoText(t.errno), errnoAlone: true };
    case "dns":
      return { mentions: [t.qname], weakMentions: [], errnoTexts: LOOKUP_FAILED_TEXT, errnoAlone: true };
    case "http":
      return {
        // The requested path names the answer; the status or its wording reports it too (less surely).
        mentions: [],
        urlPaths: t.request && t.request.length > 1 ? [t.request] : [],
        weakMentions: [],
        errnoTexts: [String(t.status), ...(HTTP_TEXT[t.status] ?? []), ...(t.reason ? [t.reason.toLowerCase()] : [])],
        errnoAlone: true,
      };
    case "pg":
      return { mentions: [], weakMentions: [], errnoTexts: [...(PG_TEXT[t.sqlstate] ?? []), t.detail.toLowerCase()].filter(Boolean), errnoAlone: true };
    case "tls":
      return { mentions: [], weakMentions: [], errnoTexts: [...TLS_TEXT, t.alert.replace(/_/g, " ")], errnoAlone: true };
  }
}

export interface FailureDetails {
  fields: Record<string, FieldValue>;
  message: string;
  resolution?: StracePathResolution;
}

/** Event fields (named as in the corpus labels) and message for a decisive failure. */
export function detailsOf(
  syscall: string,
  pid: number | undefined,
  line: number,
  t: FailureTarget,
  paths: PathKnowledge,
): FailureDetails {
  const fields: Record<string, FieldValue> = { syscall };
  if (pid !== undefined) fields.pid = pid;
  const addDest = (d: SocketDest | undefined) => {
    if (d?.path) fields.path = d.path;
    if (d?.addr) fields.addr = d.addr;
    if (d?.port !== undefined) fields.port = d.port;
  };
  switch (t.type) {
    case "path": {
      fields.errno = t.errno;
      fields.path = t.raw;
      let resolution: StracePathResolution | undefined;
      if (t.resolved) {
        if (t.resolved !== t.raw) fields.resolved = t.resolved;
        resolution = paths.explain(t.raw, t.resolved, t.base, pid, line, t.errno === "ENOENT" || t.errno === "ENOTDIR");
        if (resolution.missingComponent) fields.missing_component = resolution.missingComponent;
      }
      return { fields, message: `${syscall}("${t.raw}") failed: ${t.errno} (${t.errText})`, resolution };
    }
    case "net":
      fields.errno = t.errno;
      addDest(t.dest);
      return { fields, message: `${syscall} to ${endpointName(t.dest)} failed: ${t.errno} (${t.errText})` };
    case "fd":
      fields.errno = t.errno;
      if (t.target) fields.path = t.target;
      return { fields, message: `${syscall}(${t.target ?? ""}) failed: ${t.errno} (${t.errText})` };
    case "dns":
      fields.host = t.qname;
      fields.qtype = t.qtype;
      fields.rcode = t.rcode;
      if (t.server) fields.server = t.server;
      return { fields, message: `DNS ${t.qtype} lookup of ${t.qname} answered ${t.rcode}` };
    case "http":
      fields.status = t.status;
      addDest(t.dest);
      if (t.request) fields.url = t.dest?.addr ? `http://${endpointName(t.dest)}${t.request}` : t.request;
      return { fields, message: `received HTTP ${t.status} ${t.reason}${t.dest ? ` from ${endpointName(t.dest)}` : ""}` };
    case "pg": {
      fields.sqlstate = t.sqlstate;
      addDest(t.dest);
      const database = /^database "(.*)" does not exist$/.exec(t.detail)?.[1];
      if (database !== undefined) fields.database = database;
      return { fields, message: `PostgreSQL refused the session: ${t.detail}` };
    }
    case "tls": {
      fields.alert = t.alert;
      addDest(t.dest);
      const peer = t.dest ? ` ${t.sent ? "to" : "from"} ${endpointName(t.dest)}` : "";
      return { fields, message: `TLS handshake failed: ${t.sent ? "sent" : "received"} fatal alert ${t.alert}${peer}` };
    }
  }
}

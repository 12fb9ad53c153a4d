// Failures carried in data rather than in an errno: DNS answers, HTTP status lines, a PostgreSQL server
// refusing the session, and TLS handshakes one side gave up on (alerts, sent or received).
import type { EventClass } from "../types";
import { decodeDnsResponse, FAILING_RCODES, parseHttpStatus, parsePgError, parseTlsAlert } from "./payloads";
import { endpointName, type SocketDest } from "./socket-book";
import { candidateAt, type CallSite, type TraceContext } from "./trace-context";

/** SQLSTATEs of a server refusing a session that explain a failed build, with their class and rule. */
const PG_CLASSES: Record<string, { cls: EventClass; ruleId: string }> = {
  "53300": { cls: "too_many_connections", ruleId: "strace.postgres-error" },
  "3D000": { cls: "not_found", ruleId: "strace.postgres-database-missing" },
  "28P01": { cls: "http_401", ruleId: "strace.postgres-auth-failed" },
};

const HTTP_CLASSES: Record<number, EventClass> = {
  401: "http_401", 403: "http_403", 404: "not_found", 407: "auth_required", 410: "not_found", 429: "rate_limited",
};

export function onReceived(ctx: TraceContext, site: CallSite, name: string, bytes: number[], dnsPort: boolean, dest: SocketDest | undefined): void {
  if (dnsPort) return onDnsAnswer(ctx, site, name, bytes, dest);
  if (bytes[0] === 0x15) return onTlsAlert(ctx, site, name, bytes, dest, false);
  const text = String.fromCharCode(...bytes.slice(0, 512));
  const endpoint = dest ? endpointName(dest) : "";
  if (text.startsWith("E") || text.startsWith("R")) {
    const pg = parsePgError(bytes);
    const kind = pg && PG_CLASSES[pg.sqlstate];
    if (!pg || !kind) return;
    // One SQLSTATE per class: the class tells them apart (and keeps 53300's fingerprint as it was).
    const key = `${kind.cls}|pg|${endpoint}`;
    if (ctx.book.repeat(site.tgid, key, site)) return;
    ctx.book.add(site.tgid, candidateAt(site, name, kind, key, { type: "pg", sqlstate: pg.sqlstate, detail: pg.message, dest }), true);
    return;
  }
  const http = parseHttpStatus(text);
  const cls = http ? HTTP_CLASSES[http.status] : undefined;
  if (!http || !cls) return;
  const key = `${cls}|http|${endpoint}${dest?.request ?? ""}|${http.status}`;
  if (ctx.book.repeat(site.tgid, key, site)) return;
  const kind = { cls, ruleId: "strace.http-status" };
  const what = { type: "http" as const, status: http.status, reason: http.reason, dest, request: dest?.request };
  const cand = candidateAt(site, name, kind, key, what);
  // A 401 is first the challenge that makes a client send its credentials: a 401 to the retry with
  // them is the failure (the last one is when the client gave up).
  cand.supersede = http.status === 401;
  ctx.book.add(site.tgid, cand, true);
}

function onDnsAnswer(ctx: TraceContext, site: CallSite, name: string, bytes: number[], dest: SocketDest | undefined): void {
  const dns = decodeDnsResponse(bytes);
  if (!dns) return;
  // Names looked up are endpoints too: the report shows which ones did not resolve.
  ctx.report.endpoint("dns", dns.qname, undefined, dns.rcode === "NOERROR" && dns.answers === 0 ? "NODATA" : dns.rcode);
  if (!FAILING_RCODES.has(dns.rcode)) {
    if (dns.rcode === "NOERROR" && dns.answers > 0) ctx.book.repairName(site.tgid, dns.qname);
    return;
  }
  const key = `dns_failure|${dns.qname}|${dns.qtype}`;
  if (ctx.book.repeat(site.tgid, key, site)) return;
  const kind = { cls: "dns_failure" as const, ruleId: "strace.dns-answer" };
  const what = { type: "dns" as const, qname: dns.qname, qtype: dns.qtype, rcode: dns.rcode, server: dest?.addr };
  const cand = candidateAt(site, name, kind, key, what);
  // A later successful answer for the name, or for a shorter name this one is a search-domain
  // expansion of (`api.corp.example` after `api`), repairs it.
  cand.repairNames = namePrefixes(dns.qname);
  ctx.book.add(site.tgid, cand, true);
}

/** `a.b.corp.example` → itself, `a.b.corp`, `a.b`, `a`. */
function namePrefixes(qname: string): string[] {
  const labels = qname.split(".");
  const out = [qname];
  for (let n = labels.length - 1; n >= 1; n--) out.push(labels.slice(0, n).join("."));
  return out;
}

/** Where a TLS alert record starts an argument list's data (`"\25\3…`, or `"\x15\x03…` with -x), else -1. */
export function tlsAlertAt(args: string): number {
  const at = args.indexOf('"\\25\\3');
  return at >= 0 ? at : args.indexOf('"\\x15\\x03');
}

/** A fatal TLS alert sent (`sent`: this process rejected the peer) or received (the peer rejected it). */
export function onTlsAlert(ctx: TraceContext, site: CallSite, name: string, bytes: number[], dest: SocketDest | undefined, sent: boolean): void {
  const alert = parseTlsAlert(bytes);
  if (!alert) return;
  const key = `tls_error|tls|${dest ? endpointName(dest) : ""}|${alert.name}`;
  if (ctx.book.repeat(site.tgid, key, site)) return;
  const kind = { cls: "tls_error" as const, ruleId: "strace.tls-alert" };
  ctx.book.add(site.tgid, candidateAt(site, name, kind, key, { type: "tls", alert: alert.name, sent, dest }), true);
}

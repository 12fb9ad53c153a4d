// Failures that are not syscall errors but travel in received data: DNS answers and HTTP status lines.

export interface DnsAnswer {
  id: number;
  rcode: string;
  qname: string;
  qtype: string;
  answers: number;
}

const RCODES = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED"];
const QTYPES: Record<number, string> = {
  1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 12: "PTR", 15: "MX", 16: "TXT", 28: "AAAA", 33: "SRV", 64: "SVCB", 65: "HTTPS", 255: "ANY",
};

/** rcodes that make a lookup fail (NXDOMAIN: no such name; SERVFAIL/REFUSED: the server would not answer). */
export const FAILING_RCODES = new Set(["NXDOMAIN", "SERVFAIL", "REFUSED"]);

/**
 * Decode a DNS response (UDP payload, or TCP with its 2-byte length prefix) far enough to name the
 * question and the outcome. Returns null for anything that is not a well-formed one-question response.
 */
export function decodeDnsResponse(bytes: number[]): DnsAnswer | null {
  return decodeAt(bytes, 0) ?? (bytes.length > 14 && (bytes[0] << 8) + bytes[1] <= bytes.length ? decodeAt(bytes, 2) : null);
}

function decodeAt(b: number[], o: number): DnsAnswer | null {
  if (b.length < o + 17) return null;
  const flags = (b[o + 2] << 8) | b[o + 3];
  const qd = (b[o + 4] << 8) | b[o + 5];
  if (!(flags & 0x8000) || (flags >> 11) & 0xf || qd !== 1) return null; // a response to a standard query
  let i = o + 12;
  const labels: string[] = [];
  while (i < b.length) {
    const len = b[i++];
    if (len === 0) break;
    if (len > 63 || i + len > b.length || labels.length > 127) return null;
    let label = "";
    for (let k = 0; k < len; k++) {
      const c = b[i + k];
      if (c <= 32 || c >= 127) return null;
      label += String.fromCharCode(c);
    }
    labels.push(label);
    i += len;
  }
  if (i + 4 > b.length || labels.length === 0) return null;
  const qtype = (b[i] << 8) | b[i + 1];
  const qclass = (b[i + 2] << 8) | b[i + 3];
  if (qclass !== 1) return null;
  return {
    id: (b[o] << 8) | b[o + 1],
    rcode: RCODES[flags & 0xf] ?? `RCODE${flags & 0xf}`,
    qname: labels.join(".").toLowerCase(),
    qtype: QTYPES[qtype] ?? `TYPE${qtype}`,
    answers: (b[o + 6] << 8) | b[o + 7],
  };
}

export interface HttpStatus {
  status: number;
  reason: string;
}

/** `HTTP/1.1 404 Not Found\r\n…` at the start of received data. */
export function parseHttpStatus(text: string): HttpStatus | null {
  const m = /^HTTP\/\d(?:\.\d)? (\d{3})(?: ([^\r\n]*))?/.exec(text);
  return m ? { status: Number(m[1]), reason: (m[2] ?? "").trim() } : null;
}

export interface TlsAlert {
  description: number;
  /** RFC 8446 §6 name (`unknown_ca`), or `alert_N`. */
  name: string;
}

const TLS_ALERTS: Record<number, string> = {
  10: "unexpected_message", 20: "bad_record_mac", 22: "record_overflow", 40: "handshake_failure", 42: "bad_certificate",
  43: "unsupported_certificate", 44: "certificate_revoked", 45: "certificate_expired", 46: "certificate_unknown",
  47: "illegal_parameter", 48: "unknown_ca", 49: "access_denied", 50: "decode_error", 51: "decrypt_error",
  70: "protocol_version", 71: "insufficient_security", 80: "internal_error", 86: "inappropriate_fallback",
  109: "missing_extension", 110: "unsupported_extension", 112: "unrecognized_name", 113: "bad_certificate_status_response",
  115: "unknown_psk_identity", 116: "certificate_required", 120: "no_application_protocol",
};

/**
 * A fatal TLS alert record at the start of the data (`\25\3\3\0\2\2\60`: alert, TLS 1.x, length 2,
 * fatal, unknown_ca): one side of a handshake gave up (a certificate it rejects, no common protocol).
 * Alerts sent before the peers share keys are plaintext, so the trace shows them. Warnings and
 * close_notify are how connections end normally and are not failures.
 */
export function parseTlsAlert(b: number[]): TlsAlert | null {
  if (b.length < 7 || b[0] !== 0x15 || b[1] !== 3 || b[2] > 4 || b[3] !== 0 || b[4] !== 2 || b[5] !== 2) return null;
  const description = b[6];
  if (description === 0) return null;
  return { description, name: TLS_ALERTS[description] ?? `alert_${description}` };
}

export interface PgError {
  sqlstate: string;
  severity: string;
  message: string;
}

/**
 * A PostgreSQL ErrorResponse (`E`) among the backend messages at the start of received data (after an
 * AuthenticationOk, say): its SQLSTATE, severity and message. Each message is a type byte and a length;
 * anything that does not read as such messages is not PostgreSQL.
 */
export function parsePgError(b: number[]): PgError | null {
  let at = 0;
  for (let n = 0; n < 8 && at + 5 <= b.length; n++) {
    const type = b[at];
    const length = ((b[at + 1] << 24) | (b[at + 2] << 16) | (b[at + 3] << 8) | b[at + 4]) >>> 0;
    if (type < 65 || type > 90 || length < 4 || length > 1 << 20) return null;
    if (type === 69) return pgErrorFields(b, at + 5, Math.min(b.length, at + 1 + length));
    at += 1 + length;
  }
  return null;
}

function pgErrorFields(b: number[], from: number, to: number): PgError | null {
  const fields = new Map<string, string>();
  for (let i = from; i < to && b[i] !== 0; ) {
    const code = String.fromCharCode(b[i]);
    let end = i + 1;
    while (end < to && b[end] !== 0) end++;
    fields.set(code, String.fromCharCode(...b.slice(i + 1, end)));
    i = end + 1;
  }
  const sqlstate = fields.get("C");
  if (!sqlstate || !/^[0-9A-Z]{5}$/.test(sqlstate)) return null;
  return { sqlstate, severity: fields.get("V") ?? fields.get("S") ?? "ERROR", message: fields.get("M") ?? "" };
}

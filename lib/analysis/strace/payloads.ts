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

// Argument-level grammar: top-level splitting, C-string decoding, `-y`/`-yy` fd decorations, sockaddrs.
// Only used on the lines an analysis needs, never on every line.
import { detach } from "./line-grammar";

const MAX_ARGS_SCAN = 8_192;

/**
 * Split an argument list at top-level commas, respecting "strings" (with escapes), (), [], {} nesting and
 * `N<...>` fd decorations. Stops after `maxArgs` arguments or MAX_ARGS_SCAN characters.
 */
export function splitArgs(s: string, maxArgs = 8): string[] {
  const out: string[] = [];
  const n = Math.min(s.length, MAX_ARGS_SCAN);
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if (c === 60 /* < */ && i > 0 && isDecorationOwner(s.charCodeAt(i - 1))) depth++;
    else if (c === 62 /* > */ && depth > 0 && s.charCodeAt(i - 1) !== 61 && s.charCodeAt(i - 1) !== 45) depth--; // not => or ->
    else if (c === 44 /* , */ && depth === 0) {
      out.push(s.slice(start, i).trim());
      if (out.length >= maxArgs) return out;
      start = i + 1;
    }
    i++;
  }
  const last = s.slice(start, n).trim();
  if (last || out.length) out.push(last);
  return out;
}

// `3</x>`, `AT_FDCWD</x>`, `</dev/null<char 1:3>>`: a decoration follows a digit, a name or another decoration.
const isDecorationOwner = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 62 || c === 93;

export interface CString {
  bytes: number[];
  /** `"..."...`: strace cut the string at `-s` bytes. */
  truncated: boolean;
}

/** Decode a strace-quoted string token (`"a\nb\0\177\x41"...`) to bytes; null when the token is not one. */
export function decodeCString(token: string, maxBytes = 4_096): CString | null {
  let i = token.indexOf('"');
  if (i < 0) return null;
  const bytes: number[] = [];
  i++;
  const n = token.length;
  while (i < n && bytes.length < maxBytes) {
    const c = token.charCodeAt(i);
    if (c === 34) return { bytes, truncated: token.startsWith("...", i + 1) };
    if (c !== 92) {
      if (c < 128) bytes.push(c);
      else for (const b of Buffer.from(token[i], "utf8")) bytes.push(b);
      i++;
      continue;
    }
    const e = token[i + 1];
    i += 2;
    if (e >= "0" && e <= "7") {
      let v = e.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && i < n && token[i] >= "0" && token[i] <= "7"; k++) v = v * 8 + token.charCodeAt(i++) - 48;
      bytes.push(v & 255);
    } else if (e === "x") {
      const hex = token.slice(i, i + 2);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      }
    } else bytes.push(ESCAPES[e] ?? (e === undefined ? 92 : e.charCodeAt(0)));
  }
  return { bytes, truncated: true };
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, v: 11, f: 12, a: 7, b: 8, e: 27 };

/** A quoted argument as text (UTF-8), or undefined. */
export function cStringText(token: string | undefined, maxBytes = 4_096): string | undefined {
  if (!token || token.charCodeAt(0) !== 34) return undefined;
  const s = decodeCString(token, maxBytes);
  return s ? Buffer.from(s.bytes).toString("utf8") : undefined;
}

export interface FdRef {
  /** Descriptor number; -100 for AT_FDCWD. */
  fd: number;
  /** `-y` path, or `socket:[123]`, `pipe:[5]`, `TCP:[a:p->b:q]`… as printed. */
  target?: string;
}

/** `3</etc/x>`, `AT_FDCWD</dir>`, `19<socket:[75980]>`, `1</dev/null<char 1:3>>`, plain `3` or `AT_FDCWD`. */
export function parseFdRef(token: string | undefined): FdRef | null {
  if (!token) return null;
  let fd: number;
  let rest: string;
  if (token.startsWith("AT_FDCWD")) {
    fd = -100;
    rest = token.slice(8);
  } else {
    const m = /^(-?\d+)/.exec(token);
    if (!m) return null;
    fd = Number(m[1]);
    rest = token.slice(m[1].length);
  }
  if (!rest.startsWith("<") || !rest.endsWith(">")) return { fd };
  let target = rest.slice(1, -1);
  // -yy adds `<char 1:3>` / `<block 8:0>` device details after a path.
  if (target.endsWith(">")) {
    const dev = /<(?:char|block) \d+:\d+>$/.exec(target);
    if (dev) target = target.slice(0, dev.index);
  }
  return { fd, target };
}

export interface SockAddr {
  family: string;
  addr?: string;
  port?: number;
  path?: string;
}

/** `{sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("10.0.0.2")}` and the INET6/UNIX forms. */
export function parseSockAddr(token: string | undefined): SockAddr | null {
  if (!token || !token.startsWith("{sa_family=")) return null;
  const family = /^\{sa_family=([A-Z0-9_]+)/.exec(token)?.[1] ?? "unknown";
  const port = /sin6?_port=htons\((\d+)\)/.exec(token);
  // Addresses are strings too (hex-escaped under -xx): decode them.
  const v4 = /inet_addr\(("(?:[^"\\]|\\.)*")\)/.exec(token);
  const v6 = /inet_pton\(AF_INET6, ("(?:[^"\\]|\\.)*")/.exec(token);
  const unix = /sun_path=(@?)("(?:[^"\\]|\\.)*")/.exec(token);
  const addr = cStringText(v4?.[1] ?? v6?.[1]);
  return {
    family: detach(family),
    addr: addr === undefined ? undefined : detach(addr),
    port: port ? Number(port[1]) : undefined,
    path: unix ? unix[1] + (cStringText(unix[2]) ?? "") : undefined,
  };
}

/** `TCP:[10.0.0.1:5->10.0.0.2:443]` / `TCP:[[::1]:5->[::1]:443]` → the remote end. */
export function remoteOfSocketTarget(target: string | undefined): { addr: string; port: number; proto: string } | null {
  if (!target) return null;
  const m = /^(TCP|UDP|TCPv6|UDPv6):\[.*->\[?([^\]]*?)\]?:(\d+)\]$/.exec(target);
  return m ? { proto: m[1], addr: m[2], port: Number(m[3]) } : null;
}

/** Text of every quoted string in an argument list (write/writev payloads), each capped. */
export function quotedStrings(args: string, maxEach = 2_048, maxCount = 16): string[] {
  const out: string[] = [];
  let i = 0;
  const n = Math.min(args.length, MAX_ARGS_SCAN);
  while (i < n && out.length < maxCount) {
    const q = args.indexOf('"', i);
    if (q < 0 || q >= n) break;
    let j = q + 1;
    while (j < n && args.charCodeAt(j) !== 34) j += args.charCodeAt(j) === 92 ? 2 : 1;
    out.push(cStringText(args.slice(q, j + 1), maxEach) ?? "");
    i = j + 1;
  }
  return out;
}

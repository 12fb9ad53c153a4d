// Fingerprints identify "the same failure" across runs: the same module failing checksum verification
// tomorrow, on another runner, with another temp dir and port, gets the same fingerprint. Values that
// change from run to run are normalized away before hashing.
import type { FieldValue } from "../types";

// One pass, leftmost alternative wins; each alternative is linear (bounded text, no nested quantifiers).
const VOLATILE = new RegExp(
  [
    /(?<ts>\d{4}-\d\d-\d\d[T _]\d\d[:_]\d\d[:_]\d\d(?:[.,_]\d+)?Z?)/.source,
    /(?<time>\b\d{1,2}:\d\d:\d\d(?:\.\d+)?\b)/.source,
    /(?<uuid>\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b)/.source,
    /(?<addr>\b0x[0-9a-f]+\b)/.source,
    /(?<tmp>(?:\/private)?\/(?:tmp|var\/folders|var\/tmp)\/[^\s'":)]*)/.source,
    /(?<port>(?:(?:\d{1,3}\.){3}\d{1,3}|localhost|\[[0-9a-f:]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{4,5}\b)/.source,
    /(?<hex>\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b)/.source,
    /(?<dur>\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds|m|min|minutes|h)\b)/.source,
    /(?<bracketed>\[\d+\])/.source,
    /(?<pid>\bpid[ =:]?\d+)/.source,
    /(?<assigned>=\d+\b)/.source,
    /(?<long>\b\d{5,}\b)/.source,
  ].join("|"),
  "gi",
);

function replaceVolatile(match: string, ...args: unknown[]): string {
  const g = args[args.length - 1] as Record<string, string | undefined>;
  if (g.port !== undefined) return match.slice(0, match.lastIndexOf(":")) + ":<port>";
  if (g.bracketed !== undefined) return "[<n>]";
  if (g.pid !== undefined) return "pid <n>";
  if (g.assigned !== undefined) return "=<n>";
  for (const k of ["ts", "time", "uuid", "addr", "tmp", "hex", "dur", "long"]) if (g[k] !== undefined) return `<${k}>`;
  return match;
}

export function normalizeForFingerprint(text: string): string {
  const s = text.length > 600 ? text.slice(0, 600) : text;
  return s.replace(VOLATILE, replaceVolatile).replace(/\s+/g, " ").trim();
}

/** 64-bit FNV-1a (two 32-bit lanes), hex. Pure JS so the engine runs anywhere. */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, "0") + (h2 >>> 0).toString(16).padStart(8, "0");
}

// Repeated statements (retries, the same error in many lines) are common: remember recent results.
const CACHE_LIMIT = 4096;
const cache = new Map<string, string>();

export function fingerprintOf(
  cls: string,
  ecosystem: string,
  key: readonly string[] | undefined,
  fields: Record<string, FieldValue>,
  message: string,
): string {
  const present = (key ?? []).filter((k) => fields[k] !== undefined);
  const raw = present.length ? `${cls}\u0000${present.map((k) => `${k}=${fields[k]}`).join("\u0000")}` : `${cls}\u0000${ecosystem}\u0000${message}`;
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  // Key fields identify the failure across rules (a traced 404 and the tool's own 404 line agree);
  // without them the normalized message does.
  const basis = present.length
    ? `${cls}|${present.map((k) => `${k}=${normalizeForFingerprint(String(fields[k]))}`).join("|")}`
    : `${cls}|${ecosystem}|${normalizeForFingerprint(message)}`;
  const fingerprint = `${cls}:${hash64(basis)}`;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(raw, fingerprint);
  return fingerprint;
}

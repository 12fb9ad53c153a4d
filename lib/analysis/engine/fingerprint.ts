// Fingerprints identify "the same failure" across runs: the same module failing checksum verification
// tomorrow, on another runner, with another temp dir and port, gets the same fingerprint. Values that
// change from run to run are normalized away before hashing.
import type { FieldValue } from "../types";

const VOLATILE: [RegExp, string][] = [
  [/\d{4}-\d\d-\d\d[T _]\d\d[:_]\d\d[:_]\d\d(?:[.,_]\d+)?Z?/g, "<ts>"],
  [/\b\d{1,2}:\d\d:\d\d(?:\.\d+)?\b/g, "<time>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"],
  [/\b0x[0-9a-f]+\b/gi, "<addr>"],
  [/(?:\/private)?\/(?:tmp|var\/folders|var\/tmp)\/[^\s'":)]*/g, "<tmp>"],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi, "<hex>"],
  [/((?:\d{1,3}\.){3}\d{1,3}|localhost|\[[0-9a-f:]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+):\d{2,5}\b/gi, "$1:<port>"],
  [/\b\d+(?:\.\d+)?\s?(?:ms|s|sec|secs|seconds|m|min|minutes|h)\b/g, "<dur>"],
  [/\[\d+\]/g, "[<n>]"],
  [/\bpid[ =:]?\d+/gi, "pid <n>"],
  [/=\d+\b/g, "=<n>"],
  [/\b\d{5,}\b/g, "<n>"],
];

export function normalizeForFingerprint(text: string): string {
  let s = text.length > 600 ? text.slice(0, 600) : text;
  for (const [re, rep] of VOLATILE) s = s.replace(re, rep);
  return s.replace(/\s+/g, " ").trim();
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

export function fingerprintOf(
  cls: string,
  ecosystem: string,
  key: readonly string[] | undefined,
  fields: Record<string, FieldValue>,
  message: string,
): string {
  const parts = (key ?? []).filter((k) => fields[k] !== undefined).map((k) => `${k}=${normalizeForFingerprint(String(fields[k]))}`);
  // Key fields identify the failure across rules (a traced 404 and the tool's own 404 line agree);
  // without them the normalized message does.
  const basis = parts.length ? `${cls}|${parts.join("|")}` : `${cls}|${ecosystem}|${normalizeForFingerprint(message)}`;
  return `${cls}:${hash64(basis)}`;
}

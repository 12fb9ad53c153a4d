// Postgres cannot hold U+0000: a text value with it is rejected ("invalid byte sequence") and so is a
// jsonb string with \u0000 ("unsupported Unicode escape sequence"). Log text can carry it (strace
// prints `\0` escapes that decode to it), so values bound for the database get U+FFFD instead: the
// row is stored and the reader still sees that something unprintable was there.
const NUL = /\u0000/g;

export function withoutNul<T>(value: T): T {
  return clean(value) as T;
}

function clean(v: unknown): unknown {
  if (typeof v === "string") return v.includes("\u0000") ? v.replace(NUL, "\uFFFD") : v;
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[clean(k) as string] = clean(x);
    return out;
  }
  return v;
}

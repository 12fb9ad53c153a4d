// Timeline times are written and shown in UTC: "2026-11-20 14:03:05 UTC". ISO strings with `Z` or
// `+00:00` are accepted too; anything else (local times, no zone) does not count as a UTC time.

const UTC_TEXT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,6})?)?\s*(?:UTC|Z|GMT|\+00:?00)$/i;

/** The instant a UTC time string names, or null when it is not an unambiguous UTC time. */
export function parseUtc(text: string): Date | null {
  const m = UTC_TEXT.exec(text.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:${m[3] ?? "00"}Z`);
  if (Number.isNaN(d.getTime())) return null;
  // Reject roll-overs such as 2026-02-30.
  if (d.toISOString().slice(0, 10) !== m[1]) return null;
  return d;
}

/** "2026-11-20 14:03:05 UTC" for an ISO instant. */
export function formatUtc(iso: string | Date): string {
  const s = typeof iso === "string" ? iso : iso.toISOString();
  return `${s.replace("T", " ").slice(0, 19)} UTC`;
}

// How the incident page writes times: UTC always (builds from anywhere on one clock), milliseconds
// only when the timeline needs them to tell entries apart.

export function formatUtc(iso: string, opts: { date?: boolean; ms?: boolean } = {}): string {
  const [day, rest] = iso.split("T");
  const time = (rest ?? "").replace("Z", "").slice(0, opts.ms ? 12 : 8);
  return opts.date === false ? time : `${day} ${time}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60 ? `${s % 60} s` : ""}`.trim();
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60 ? `${m % 60} min` : ""}`.trim();
  const d = Math.floor(h / 24);
  return `${d} d ${h % 24 ? `${h % 24} h` : ""}`.trim();
}

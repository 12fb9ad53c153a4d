// strace time stamps onto the incident clock.
//   -ttt  `1700000000.123456`  epoch seconds → ISO-8601 UTC.
//   -tt   `22:03:40.285757`, -t `22:03:40`: wall clock without a date. With AnalyzeOptions.baseDate the
//         ISO timestamp is `<baseDate>T22:03:40.285757` (local time of the traced machine, so no zone
//         suffix), rolling the date over at midnight. Without a base date no ISO timestamp is invented:
//         the event carries the clock text in `fields.time` instead.
//   -r    `0.000123` since the previous line: accumulated, reported as `+12.345678` seconds from start.

import { detach } from "./line-grammar";

export type TimeFormat = "epoch" | "clock" | "relative";

export interface TraceClock {
  format?: TimeFormat;
  lastSecOfDay?: number;
  dayOffset: number;
  relTotal: number;
}

export interface StraceTime {
  /** Seconds on a scale comparable across the files of one trace (for merging -ff files). */
  readonly sortKey: number;
  readonly iso?: string;
  /** Human clock text when no ISO timestamp could be formed. */
  readonly clock?: string;
}

/**
 * A `-t`/`-tt` stamp (its text, or the line scanner's packed form of it) on a day given by the base date,
 * or on no day: its ISO or clock text is made when first asked for (most times taken are never shown:
 * failures that a later lookup repairs).
 */
class ClockTime implements StraceTime {
  private text: string | undefined;

  constructor(
    readonly sortKey: number,
    private readonly stamp: string | number,
    /** Epoch seconds of the day's midnight; NaN without a base date. */
    private readonly dayStart: number,
  ) {}

  private raw(): string {
    return typeof this.stamp === "number" ? packedText(this.stamp) : this.stamp;
  }

  get iso(): string | undefined {
    if (Number.isNaN(this.dayStart)) return undefined;
    return (this.text ??= `${dateOf(this.dayStart)}T${this.raw().padStart(8, "0")}`);
  }

  get clock(): string | undefined {
    return Number.isNaN(this.dayStart) ? (this.text ??= this.raw()) : undefined;
  }
}

/**
 * `HH:MM:SS.uuuuuu` read by the line scanner as the integer HHMMSSuuuuuu (exact: at most 12 digits). Its
 * seconds into the day, computed as clockSeconds computes them from the text (the same double).
 */
export function packedSeconds(p: number): number {
  const h = Math.floor(p / 1e10);
  const m = Math.floor(p / 1e8) % 100;
  return h * 3600 + m * 60 + (p % 1e8) / 1e6;
}

const two = (n: number) => (n < 10 ? "0" : "") + n;

/** The text of a packed stamp. */
export function packedText(p: number): string {
  const us = p % 1e6;
  return `${two(Math.floor(p / 1e10))}:${two(Math.floor(p / 1e8) % 100)}:${two(Math.floor(p / 1e6) % 100)}.${String(us).padStart(6, "0")}`;
}

/** resolveTime of a packed stamp. */
export function resolvePackedTime(p: number, clock: TraceClock, baseDate?: string): StraceTime | undefined {
  if ((clock.format ?? "clock") !== "clock") return resolveTime(packedText(p), clock, baseDate, true);
  const sortKey = clockKey(packedSeconds(p), clock, baseDate);
  const base = baseSeconds(baseDate);
  return new ClockTime(sortKey, p, Number.isNaN(base) ? NaN : base + clock.dayOffset * 86_400);
}

export const newTraceClock = (): TraceClock => ({ dayOffset: 0, relTotal: 0 });

function formatOf(raw: string): TimeFormat {
  if (raw.includes(":")) return "clock";
  const dot = raw.indexOf(".");
  return (dot < 0 ? raw.length : dot) >= 9 ? "epoch" : "relative";
}

/** Must be called for every stamped line when the format is relative (each stamp is a delta). */
export function observeTime(raw: string, clock: TraceClock): void {
  clock.format ??= formatOf(raw);
  if (clock.format === "relative") clock.relTotal += Number(raw) || 0;
}

/** The stamp `raw` of a line on the trace's clock; `owned` says raw is no slice of a longer string. */
export function resolveTime(raw: string | undefined, clock: TraceClock, baseDate?: string, owned = false): StraceTime | undefined {
  if (!raw) return undefined;
  const format = clock.format ?? formatOf(raw);
  if (format === "relative") return { sortKey: clock.relTotal, clock: `+${clock.relTotal.toFixed(6)}` };
  if (!owned) raw = detach(raw); // kept in process records and events: must not pin the line it came from
  if (format === "epoch") {
    const secs = Number(raw);
    if (!Number.isFinite(secs)) return undefined;
    return { sortKey: secs, iso: epochIso(raw) };
  }
  const sec = clockSeconds(raw);
  if (sec === undefined) return undefined;
  const sortKey = clockKey(sec, clock, baseDate);
  const base = baseSeconds(baseDate);
  return new ClockTime(sortKey, raw, Number.isNaN(base) ? NaN : base + clock.dayOffset * 86_400);
}

/**
 * The sort key of a `-t`/`-tt` stamp `sec` seconds into its day (what resolveTime gives, without the
 * text): the clock rolls over at midnight. Asking again for the same stamp changes nothing.
 */
export function clockKey(sec: number, clock: TraceClock, baseDate?: string): number {
  // Going back by more than half a day means the trace crossed midnight.
  if (clock.lastSecOfDay !== undefined && sec < clock.lastSecOfDay - 43_200) clock.dayOffset++;
  clock.lastSecOfDay = sec;
  const base = baseSeconds(baseDate);
  const day = clock.dayOffset * 86_400;
  return Number.isNaN(base) ? day + sec : base + day + sec;
}

// Called for most lines that matter: the base date and the day's date text are worked out once.
let lastBase: { baseDate: string | undefined; seconds: number } = { baseDate: undefined, seconds: NaN };
let lastDay: { seconds: number; date: string } = { seconds: NaN, date: "" };

/** `2026-11-20` → epoch seconds of its midnight UTC; NaN when absent or malformed. */
function baseSeconds(baseDate: string | undefined): number {
  if (lastBase.baseDate !== baseDate) {
    const seconds = baseDate && /^\d{4}-\d{2}-\d{2}$/.test(baseDate) ? Date.parse(baseDate + "T00:00:00Z") / 1000 : NaN;
    lastBase = { baseDate, seconds };
  }
  return lastBase.seconds;
}

/** Epoch seconds of a midnight → its `YYYY-MM-DD`. */
function dateOf(seconds: number): string {
  if (lastDay.seconds !== seconds) lastDay = { seconds, date: new Date(seconds * 1000).toISOString().slice(0, 10) };
  return lastDay.date;
}

/** `22:03:40.285757` → seconds of the day (hand-parsed: called for every line that matters). */
function clockSeconds(raw: string): number | undefined {
  const c1 = raw.indexOf(":");
  const c2 = raw.indexOf(":", c1 + 1);
  if (c1 < 1 || c2 !== c1 + 3) return undefined;
  // `hh:mm:` read in place when they are plain digits (what Number() of the slices gives), else by Number().
  let h = digitsAt(raw, 0, c1);
  if (Number.isNaN(h)) h = Number(raw.slice(0, c1));
  let m = digitsAt(raw, c1 + 1, c2);
  if (Number.isNaN(m)) m = Number(raw.slice(c1 + 1, c2));
  let s = decimalAt(raw, c2 + 1);
  if (Number.isNaN(s)) s = Number(raw.slice(c2 + 1));
  return Number.isNaN(h + m + s) ? undefined : h * 3600 + m * 60 + s;
}

/**
 * `40.285846` from `start` to the end: Number() of that text, read in place when it is digits, one dot
 * and more digits (at most 15 digits in all: the digits are then an exact integer and dividing it by an
 * exact power of ten rounds once, to the same double Number() parses); NaN for anything else.
 */
function decimalAt(raw: string, start: number): number {
  const n = raw.length;
  if (n - start > 16) return NaN;
  let v = 0;
  let scale = 1;
  let dot = -1;
  for (let i = start; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 46 && dot < 0) dot = i;
    else if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (dot >= 0) scale *= 10;
    } else return NaN;
  }
  return dot === start || dot === n - 1 || n - start - (dot < 0 ? 0 : 1) > 15 ? NaN : v / scale;
}

/** The decimal digits raw[start, end) (at most 15 of them) as a number; NaN for anything else. */
function digitsAt(raw: string, start: number, end: number): number {
  if (end - start > 15) return NaN;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/** Epoch seconds text → ISO with the trace's own sub-second digits (Date keeps only milliseconds). */
function epochIso(raw: string): string {
  const [whole, frac = ""] = raw.split(".");
  const iso = new Date(Number(whole) * 1000).toISOString().slice(0, 19);
  return frac ? `${iso}.${frac}Z` : `${iso}Z`;
}

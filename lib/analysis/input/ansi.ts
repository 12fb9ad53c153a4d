// Terminal escape handling. Colour codes, cursor moves and OSC/APC strings are removed so rules see the
// text a person saw. Every alternative is a single bounded pass (no nested quantifiers), so the regex
// is linear in the line length.

// CSI (`ESC [ params final`), OSC/APC/DCS/PM strings ended by BEL or ST (or the end of the slice),
// then any other two-character escape.
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]?|[\]_PX^][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -~]?)|\x9b[0-?]*[ -/]*[@-~]?/g;

// Buildkite writes `ESC _bk;t=<epoch ms> BEL` in front of lines; it is a timestamp, not decoration.
const BUILDKITE_TIME = /\x1b_bk;t=(\d{10,16})\x07/;

export function stripAnsi(text: string): string {
  return text.includes("\x1b") || text.includes("\x9b") ? text.replace(ANSI, "") : text;
}

/** Epoch-ms timestamp of a Buildkite APC marker in the (unstripped) line, as ISO-8601. */
export function buildkiteTimestamp(raw: string): string | undefined {
  const m = BUILDKITE_TIME.exec(raw);
  if (!m) return undefined;
  const d = new Date(Number(m[1]));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

// Turns a log line with ANSI escapes into styled text segments. Only SGR colour/bold codes become
// styles; every other escape (cursor moves, OSC 8 hyperlinks, titles) is dropped, never interpreted.
export interface AnsiSegment {
  text: string;
  fg?: number;
  bg?: number;
  bold?: boolean;
}

const ESCAPE = /\x1b(?:\[([0-9;?]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

export function ansiToSegments(line: string): AnsiSegment[] {
  const out: AnsiSegment[] = [];
  let style: Omit<AnsiSegment, "text"> = {};
  let last = 0;
  const push = (text: string) => {
    const clean = text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "");
    if (clean) out.push({ text: clean, ...style });
  };
  for (const m of line.matchAll(ESCAPE)) {
    push(line.slice(last, m.index));
    last = m.index! + m[0].length;
    if (m[2] !== "m") continue;
    const codes = (m[1] || "0").split(";").map((c) => Number(c) || 0);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 0) style = {};
      else if (c === 1) style = { ...style, bold: true };
      else if (c === 22) style = { ...style, bold: false };
      else if (c >= 30 && c <= 37) style = { ...style, fg: c - 30 };
      else if (c >= 90 && c <= 97) style = { ...style, fg: c - 90 + 8 };
      else if (c === 39) style = { ...style, fg: undefined };
      else if (c >= 40 && c <= 47) style = { ...style, bg: c - 40 };
      else if (c === 49) style = { ...style, bg: undefined };
      else if ((c === 38 || c === 48) && codes[i + 1] === 5) {
        const n = codes[i + 2] ?? 0;
        if (n < 16) style = c === 38 ? { ...style, fg: n } : { ...style, bg: n };
        i += 2;
      } else if ((c === 38 || c === 48) && codes[i + 1] === 2) i += 4;
    }
  }
  push(line.slice(last));
  return out;
}

// Whether files chosen together on the upload page are one piece of evidence (sent as one upload, so the
// analyzer merges them into one trace or one analysis) or unrelated logs (one upload each). Only names
// are looked at: an `strace -ff -o prefix` set, a log split into numbered parts, a GitHub Actions
// job's step logs. Anything else defaults to separate uploads, since merging unrelated logs would blur
// two failures into one incident.

export interface GroupingGuess {
  together: boolean;
  /** Why the files look like one set, for the page to say ("one strace -ff set: trace.<pid>"). */
  reason: string | null;
}

const SEPARATE: GroupingGuess = { together: false, reason: null };

// `strace -ff -o trace` writes trace.<pid>; rotated logs are build.log.1, build.log.2.
const NUMBERED_SUFFIX = /^(.+)\.(\d+)$/;
// split or exported logs: build.part1.log, job-part-02.txt, log_chunk3.gz.
const NUMBERED_PART = /^(.+?)[._-]?(?:part|chunk)[._-]?(\d+)((?:\.[A-Za-z0-9]+)*)$/i;
// A job folder of a GitHub Actions log archive: "1_Set up job.txt", "2_Run actions_checkout@v4.txt".
const ACTIONS_STEP = /^\d+_.+\.txt$/;

export function guessGrouping(names: readonly string[]): GroupingGuess {
  if (names.length < 2 || new Set(names).size !== names.length) return SEPARATE;
  const suffixPrefix = commonKey(names, (n) => NUMBERED_SUFFIX.exec(n)?.[1]);
  if (suffixPrefix !== null) {
    const rotated = /\.(?:log|txt|out)$/i.test(suffixPrefix);
    return { together: true, reason: rotated ? `one log in numbered parts (${suffixPrefix}.N)` : `one strace -ff set (${suffixPrefix}.<pid>)` };
  }
  const partKey = commonKey(names, (n) => {
    const m = NUMBERED_PART.exec(n);
    return m ? `${m[1]}\0${m[3]}` : undefined;
  });
  if (partKey !== null) return { together: true, reason: `one log in numbered parts (${names[0].replace(/\d+(?=(?:\.[A-Za-z0-9]+)*$)/, "N")})` };
  if (names.every((n) => ACTIONS_STEP.test(n))) return { together: true, reason: "the step logs of one CI job" };
  return SEPARATE;
}

/** The key every name shares, or null when one has none or they differ. */
function commonKey(names: readonly string[], keyOf: (name: string) => string | undefined): string | null {
  const first = keyOf(names[0]);
  if (!first) return null;
  return names.every((n) => keyOf(n) === first) ? first : null;
}

/** Names in a sentence, short enough for a label: "a, b and c", "a, b and 4 more files". */
export function describeFiles(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length <= 3) return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(", ")} and ${names.length - 2} more files`;
}

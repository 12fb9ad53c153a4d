// Limits on what compressed input may expand to, so a small hostile upload cannot make the analyzer
// (or the log viewer) inflate terabytes: zip archives are checked from their central directory
// before any member is read, and gzip streams are watched while they inflate.
//
//   - at most 10,000 archive members;
//   - at most 8 GiB uncompressed in total (the sizes a zip declares; yauzl fails a member whose
//     data inflates past its declared size, so the declared sizes are binding);
//   - no member (or gzip stream) expanding more than 200x once past 16 MiB (CI logs compress 5-20x;
//     small members are exempt because their size, not their ratio, is what costs);
//   - no member path that could leave a directory: `..` components, absolute paths, drive letters.

export interface InputLimits {
  maxMembers: number;
  maxTotalBytes: number;
  maxRatio: number;
  /** The ratio is only judged once this many bytes came out. */
  ratioAfterBytes: number;
}

export const INPUT_LIMITS: Readonly<InputLimits> = Object.freeze({
  maxMembers: 10_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxRatio: 200,
  ratioAfterBytes: 16 * 1024 ** 2,
});

/**
 * The input is refused, not broken: analysing it again gives the same answer, so it is not worth a
 * retry. The message says why, for the upload's status.
 */
export class InputRejectedError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "InputRejectedError";
  }
}

const GiB = 1024 ** 3;
export const formatBytes = (n: number) => (n >= GiB ? `${(n / GiB).toFixed(1)} GiB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MiB` : `${n} bytes`);

/** Why a member path is unsafe, or null. `\` counts as a separator (Windows-made archives). */
export function unsafeMemberPath(name: string): string | null {
  const p = name.replace(/\\/g, "/");
  if (p.startsWith("/")) return "an absolute path";
  if (/^[a-zA-Z]:/.test(p)) return "a drive letter";
  if (p.split("/").includes("..")) return "a `..` component that leaves the archive";
  if (/[\x00-\x1f\x7f]/.test(p)) return "control characters";
  return null;
}

/** Checks a zip's entries one by one as its central directory is read; throws InputRejectedError. */
export class ZipEntryGuard {
  private members = 0;
  private total = 0;

  constructor(
    private readonly archive: string,
    private readonly limits: InputLimits = INPUT_LIMITS,
  ) {}

  /** The entry count from the end-of-central-directory record, before any entry is read. */
  expectEntries(count: number): void {
    if (count > this.limits.maxMembers) this.reject(`it has ${count} members (the limit is ${this.limits.maxMembers})`);
  }

  entry(e: { fileName: string; uncompressedSize: number; compressedSize: number }): void {
    if (++this.members > this.limits.maxMembers) this.reject(`it has more than ${this.limits.maxMembers} members`);
    const unsafe = unsafeMemberPath(e.fileName);
    if (unsafe) this.reject(`member ${JSON.stringify(e.fileName)} has ${unsafe}`);
    this.total += e.uncompressedSize;
    if (this.total > this.limits.maxTotalBytes) {
      this.reject(`it expands to more than ${formatBytes(this.limits.maxTotalBytes)} (a zip bomb?)`);
    }
    if (e.uncompressedSize > this.limits.ratioAfterBytes && e.uncompressedSize > e.compressedSize * this.limits.maxRatio) {
      const ratio = e.compressedSize > 0 ? `${Math.round(e.uncompressedSize / e.compressedSize)}x` : "from nothing";
      this.reject(`member ${JSON.stringify(e.fileName)} expands ${ratio} to ${formatBytes(e.uncompressedSize)} (more than ${this.limits.maxRatio}x: a zip bomb?)`);
    }
  }

  private reject(why: string): never {
    throw new InputRejectedError(`archive ${this.archive} was rejected: ${why}`);
  }
}

/** yauzl's own refusals of a member name, in the same words as ours. */
export function mapZipError(err: unknown, archive: string): unknown {
  const message = err instanceof Error ? err.message : String(err);
  const m = /^(absolute path|invalid relative path|invalid characters in fileName): (.*)$/s.exec(message);
  if (m) return new InputRejectedError(`archive ${archive} was rejected: member ${JSON.stringify(m[2])} has ${unsafeMemberPath(m[2]) ?? "an unsafe path"}`);
  if (/^too many bytes in the stream/.test(message)) return new InputRejectedError(`archive ${archive} was rejected: a member inflates past its declared size (${message})`);
  return err;
}

/** Any failure to read a zip's central directory: the archive itself is at fault. */
export function unreadableZip(err: unknown, archive: string): InputRejectedError {
  const mapped = mapZipError(err, archive);
  if (mapped instanceof InputRejectedError) return mapped;
  return new InputRejectedError(`archive ${archive} cannot be read: ${mapped instanceof Error ? mapped.message : String(mapped)}`);
}

/**
 * Passes an inflating stream through while it stays within the limits: throws InputRejectedError
 * once more than maxTotalBytes came out, or more than maxRatio times what went in (past ratioAfterBytes).
 */
export async function* guardInflation(
  inflated: AsyncIterable<Uint8Array>,
  compressedSoFar: () => number,
  what: string,
  limits: InputLimits = INPUT_LIMITS,
): AsyncGenerator<Uint8Array> {
  let out = 0;
  try {
    for await (const piece of inflated) {
      out += piece.length;
      if (out > limits.maxTotalBytes) throw new InputRejectedError(`${what} was rejected: it expands to more than ${formatBytes(limits.maxTotalBytes)} (a gzip bomb?)`);
      if (out > limits.ratioAfterBytes && out > Math.max(1, compressedSoFar()) * limits.maxRatio) {
        throw new InputRejectedError(`${what} was rejected: it expands more than ${limits.maxRatio}x (${formatBytes(out)} from ${formatBytes(compressedSoFar())}: a gzip bomb?)`);
      }
      yield piece;
    }
  } catch (err) {
    // zlib's own errors (Z_DATA_ERROR, Z_BUF_ERROR, "unexpected end of file") mean damaged input, not a bug.
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("Z_")) throw new InputRejectedError(`${what} could not be decompressed: damaged gzip data (${(err as Error).message})`);
    throw err;
  }
}

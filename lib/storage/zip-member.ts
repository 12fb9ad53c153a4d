// Reads a stored zip archive in place: yauzl gets random access to the stored blob through its
// fixed-size pieces (CHUNK_BYTES each, read with readBlob from any store), so listing the central
// directory or reading one member touches only the pieces that hold them. Nothing is spooled to disk,
// so a viewer request costs the member it shows, not the whole archive.
//
// Every archive is held to the analyzer's input limits (lib/analysis/input/limits.ts) while its
// central directory is read: too many members, unsafe member paths and zip bombs are refused with an
// InputRejectedError. checkStoredZip() runs that check alone, cheaply, for uploads.
import { Readable } from "node:stream";
import yauzl from "yauzl";
import { isZip } from "../analysis/input/byte-sources";
import { INPUT_LIMITS, mapZipError, unreadableZip, ZipEntryGuard, type InputLimits } from "../analysis/input/limits";
import { CHUNK_BYTES, readBlob } from "./postgres-blob-store";

/** The first piece readBlob yields from `seq` (one stored chunk), or an empty array past the end. */
async function readPiece(fileId: string, seq: number): Promise<Uint8Array> {
  const pieces = readBlob(fileId, seq);
  try {
    const first = await pieces.next();
    return first.done ? new Uint8Array(0) : first.value;
  } finally {
    await pieces.return(undefined);
  }
}

/** yauzl's view of a stored blob: byte ranges served from its pieces, the last two kept in memory. */
class StoredBlobReader extends yauzl.RandomAccessReader {
  private readonly cache = new Map<number, Promise<Uint8Array>>();

  constructor(private readonly fileId: string) {
    super();
  }

  private piece(seq: number): Promise<Uint8Array> {
    let p = this.cache.get(seq);
    if (p) {
      this.cache.delete(seq);
    } else {
      p = readPiece(this.fileId, seq);
      p.catch(() => this.cache.delete(seq));
    }
    this.cache.set(seq, p);
    while (this.cache.size > 2) this.cache.delete(this.cache.keys().next().value!);
    return p;
  }

  _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(this.range(start, end), { objectMode: false });
  }

  private async *range(start: number, end: number): AsyncGenerator<Uint8Array> {
    const first = Math.floor(start / CHUNK_BYTES);
    const last = Math.floor((end - 1) / CHUNK_BYTES);
    if (first === last) {
      // Small reads (headers, central directory entries): the cached piece.
      const piece = await this.piece(first);
      yield piece.subarray(start - first * CHUNK_BYTES, end - first * CHUNK_BYTES);
      return;
    }
    // Member data: one pass over its pieces.
    let seq = first;
    for await (const piece of readBlob(this.fileId, first)) {
      const base = seq * CHUNK_BYTES;
      const from = Math.max(0, start - base);
      const to = Math.min(piece.length, end - base);
      if (to > from) yield piece.subarray(from, to);
      if (++seq > last) return;
    }
  }
}

function openStoredZip(fileId: string, size: number, archive: string, limits: InputLimits): Promise<{ zip: yauzl.ZipFile; guard: ZipEntryGuard }> {
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(new StoredBlobReader(fileId), size, { lazyEntries: true, autoClose: false, strictFileNames: false, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(unreadableZip(err ?? new Error("not a zip archive"), archive));
      const guard = new ZipEntryGuard(archive, limits);
      try {
        guard.expectEntries(zip.entryCount);
      } catch (e) {
        zip.close();
        return reject(e);
      }
      resolve({ zip, guard });
    });
  });
}

/**
 * Walks the central directory, checking each entry; `visit` returns true to stop there.
 * Resolves with the entry it stopped at, or null at the end.
 */
function walk(zip: yauzl.ZipFile, guard: ZipEntryGuard, archive: string, visit: (e: yauzl.Entry) => boolean): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => reject(unreadableZip(e, archive));
    zip.on("entry", (entry: yauzl.Entry) => {
      try {
        guard.entry(entry);
      } catch (e) {
        return fail(e);
      }
      if (visit(entry)) return resolve(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(null));
    zip.on("error", fail);
    zip.readEntry();
  });
}

/**
 * Refuses a stored zip whose central directory breaks the input limits (InputRejectedError naming
 * the reason); reads only the directory. Null for a file that is not a zip. For an upload to call once
 * a file's bytes are stored, so a bad archive is answered at once (4xx) instead of failing later.
 */
export async function checkStoredZip(file: { id: string; name: string; size: number }, limits: InputLimits = INPUT_LIMITS): Promise<{ members: number } | null> {
  if (!isZip(await readPiece(file.id, 0))) return null;
  const { zip, guard } = await openStoredZip(file.id, file.size, file.name, limits);
  try {
    let members = 0;
    await walk(zip, guard, file.name, (e) => {
      if (!e.fileName.endsWith("/")) members++;
      return false;
    });
    return { members };
  } finally {
    zip.close();
  }
}

/**
 * Reads member `member` of a stored zip: `consume` gets its inflated bytes (it may stop early).
 * Null when the archive has no such member. The directory entries before it are checked on the way.
 */
export async function readZipMember<T>(
  file: { id: string; name: string; size: number },
  member: string,
  consume: (stream: AsyncIterable<Uint8Array>) => Promise<T>,
  limits: InputLimits = INPUT_LIMITS,
): Promise<T | null> {
  const { zip, guard } = await openStoredZip(file.id, file.size, file.name, limits);
  try {
    const entry = await walk(zip, guard, file.name, (e) => e.fileName === member);
    if (!entry) return null;
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (err, s) => (err || !s ? reject(mapZipError(err ?? new Error("cannot read member"), file.name)) : resolve(s))),
    );
    try {
      return await consume(mapErrors(stream, file.name));
    } finally {
      stream.destroy();
    }
  } finally {
    zip.close();
  }
}

async function* mapErrors(stream: Readable, archive: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const piece of stream) yield piece as Uint8Array;
  } catch (err) {
    throw mapZipError(err, archive);
  }
}

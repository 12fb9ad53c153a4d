// Streams the members of a zip archive one after another (yauzl reads the central directory, then
// each member is inflated as a stream: the archive is never loaded whole). The central directory is
// checked against the input limits (./limits.ts) before any member is inflated: too many members,
// unsafe paths and zip bombs are refused with an InputRejectedError.
import { basename } from "node:path";
import { Readable } from "node:stream";
import yauzl from "yauzl";
import { INPUT_LIMITS, mapZipError, unreadableZip, ZipEntryGuard, type InputLimits } from "./limits";

export interface ZipMember {
  name: string;
  size: number;
}

interface ZipHandle {
  members: ZipMember[];
  open(name: string): Promise<Readable>;
  close(): void;
}

export function openZip(path: string, limits: InputLimits = INPUT_LIMITS): Promise<ZipHandle> {
  const archive = basename(path);
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(unreadableZip(err ?? new Error("not a zip archive"), archive));
      const guard = new ZipEntryGuard(archive, limits);
      const fail = (e: unknown) => {
        zip.close();
        reject(unreadableZip(e, archive));
      };
      try {
        guard.expectEntries(zip.entryCount);
      } catch (e) {
        return fail(e);
      }
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        try {
          guard.entry(entry);
        } catch (e) {
          return fail(e);
        }
        if (!entry.fileName.endsWith("/")) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("error", fail);
      zip.once("end", () =>
        resolve({
          members: [...entries.values()].map((e) => ({ name: e.fileName, size: e.uncompressedSize })),
          open: (name) =>
            new Promise((res, rej) => {
              const entry = entries.get(name);
              if (!entry) return rej(new Error(`no member ${name}`));
              zip.openReadStream(entry, (e, stream) => (e || !stream ? rej(mapZipError(e ?? new Error("cannot read member"), archive)) : res(withMappedErrors(stream, archive))));
            }),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}

/** A member stream whose errors say what was wrong with the archive (a member larger than declared). */
function withMappedErrors(stream: Readable, archive: string): Readable {
  async function* pass(): AsyncGenerator<Uint8Array> {
    try {
      for await (const piece of stream) yield piece as Uint8Array;
    } catch (err) {
      throw mapZipError(err, archive);
    }
  }
  return Readable.from(pass(), { objectMode: false });
}

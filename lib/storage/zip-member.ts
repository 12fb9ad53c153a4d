// Reads one member of a stored zip archive. yauzl needs random access, so the archive is spooled to
// a temporary file first and removed afterwards.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

export async function readZipMember<T>(
  archive: AsyncIterable<Uint8Array>,
  member: string,
  consume: (stream: AsyncIterable<Uint8Array>) => Promise<T>,
): Promise<T | null> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-zip-"));
  try {
    const file = path.join(dir, "archive.zip");
    await pipeline(Readable.from(archive), createWriteStream(file));
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: true }, (err, z) => (err || !z ? reject(err) : resolve(z))),
    );
    try {
      return await new Promise<T | null>((resolve, reject) => {
        zip.on("entry", (entry: yauzl.Entry) => {
          if (entry.fileName !== member) return zip.readEntry();
          zip.openReadStream(entry, (err, stream) => {
            if (err || !stream) return reject(err);
            consume(stream).then((v) => {
              stream.destroy();
              resolve(v);
            }, reject);
          });
        });
        zip.on("end", () => resolve(null));
        zip.on("error", reject);
        zip.readEntry();
      });
    } finally {
      zip.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Streams the members of a zip archive one after another (yauzl reads the central directory, then
// each member is inflated as a stream: the archive is never loaded whole).
import yauzl from "yauzl";
import type { Readable } from "node:stream";

export interface ZipMember {
  name: string;
  size: number;
}

interface ZipHandle {
  members: ZipMember[];
  open(name: string): Promise<Readable>;
  close(): void;
}

export function openZip(path: string): Promise<ZipHandle> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error("cannot open zip"));
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith("/")) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once("error", reject);
      zip.once("end", () =>
        resolve({
          members: [...entries.values()].map((e) => ({ name: e.fileName, size: e.uncompressedSize })),
          open: (name) =>
            new Promise((res, rej) => {
              const entry = entries.get(name);
              if (!entry) return rej(new Error(`no member ${name}`));
              zip.openReadStream(entry, (e, stream) => (e || !stream ? rej(e ?? new Error("cannot read member")) : res(stream)));
            }),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}

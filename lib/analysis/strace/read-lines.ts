// A minimal streaming line reader for the strace dev runner and benchmark (the engine has its own):
// reads in large chunks, splits on "\n", drops a trailing "\r", never holds more than a chunk and a line.
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";

export async function* readLines(path: string, chunkBytes = 1 << 20): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const text = carry + decoder.write(chunk as Buffer);
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      yield text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  carry += decoder.end();
  if (carry) yield carry.endsWith("\r") ? carry.slice(0, -1) : carry;
}

/** Lines of a file in batches (one array per chunk): far fewer async steps for a hot loop. */
export async function* readLineBatches(path: string, chunkBytes = 1 << 20): AsyncGenerator<string[]> {
  const decoder = new StringDecoder("utf8");
  let carry = "";
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const text = carry + decoder.write(chunk as Buffer);
    const lines = text.split("\n");
    carry = lines.pop() ?? "";
    yield lines;
  }
  carry += decoder.end();
  if (carry) yield [carry];
}

// DNS answers and HTTP status lines decoded from received data.
import { describe, expect, it } from "vitest";
import { decodeCString } from "../args";
import { decodeDnsResponse, parseHttpStatus } from "../payloads";

const bytesOf = (s: string) => decodeCString(s)!.bytes;

describe("decodeDnsResponse", () => {
  it("decodes an NXDOMAIN answer as strace prints it", () => {
    const answer = bytesOf(`"\\264\\36\\201\\203\\0\\1\\0\\0\\0\\0\\0\\0\\nnpm-mirror\\5build\\tacme-corp\\3net\\0\\0\\34\\0\\1"`);
    expect(decodeDnsResponse(answer)).toEqual({ id: 0xb41e, rcode: "NXDOMAIN", qname: "npm-mirror.build.acme-corp.net", qtype: "AAAA", answers: 0 });
  });

  it("decodes a TCP answer with its length prefix, and a SERVFAIL", () => {
    const udp = bytesOf(`"\\0\\7\\201\\202\\0\\1\\0\\0\\0\\0\\0\\0\\3api\\7example\\0\\0\\1\\0\\1"`);
    expect(decodeDnsResponse([0, udp.length, ...udp])).toMatchObject({ rcode: "SERVFAIL", qname: "api.example", qtype: "A" });
  });

  it("rejects queries and anything that is not DNS", () => {
    const query = bytesOf(`"\\354\\20\\1\\0\\0\\1\\0\\0\\0\\0\\0\\0\\nnpm-mirror\\5build\\tacme-corp\\3net\\0\\0\\1\\0\\1"`);
    expect(decodeDnsResponse(query)).toBeNull();
    expect(decodeDnsResponse(bytesOf(`"HTTP/1.1 200 OK\\r\\n"`))).toBeNull();
    expect(decodeDnsResponse([])).toBeNull();
  });
});

describe("parseHttpStatus", () => {
  it("reads the status line at the start of received data", () => {
    expect(parseHttpStatus("HTTP/1.1 404 Not Found\r\nserver: x\r\n")).toEqual({ status: 404, reason: "Not Found" });
    expect(parseHttpStatus("HTTP/2 401\r\n")).toEqual({ status: 401, reason: "" });
    expect(parseHttpStatus("GET / HTTP/1.1\r\n")).toBeNull();
  });
});

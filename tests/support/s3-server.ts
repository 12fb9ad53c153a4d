// A real S3-compatible server for tests (fauxqs, in-process: multipart uploads with S3's 5 MiB part
// minimum, ranged GETs, aborts) behind a small pass-through proxy that records each request and can
// play an unreachable store (connections dropped) for all requests or chosen ones.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { S3Client } from "@aws-sdk/client-s3";
import { startFauxqs } from "fauxqs";

export interface SeenRequest {
  method: string;
  /** Path and query, e.g. `/bucket/key?partNumber=1&uploadId=…`. */
  url: string;
  range?: string;
  status?: number;
}

export interface TestS3 {
  /** The proxy's URL: what FAULTLINE_S3_ENDPOINT points at. */
  endpoint: string;
  bucket: string;
  requests: SeenRequest[];
  /** Requests for which this says true get their connection dropped, as by an unreachable store. */
  refuse: (req: SeenRequest) => boolean;
  /** A client straight to the server (not through the proxy), to look at what was stored. */
  direct: S3Client;
  stop(): Promise<void>;
}

export async function startTestS3(bucket = "faultline-test"): Promise<TestS3> {
  const server = await startFauxqs({ port: 0, logger: false });
  server.createBucket(bucket);
  const upstream = `http://127.0.0.1:${server.port}`;
  const s3: TestS3 = {
    endpoint: "",
    bucket,
    requests: [],
    refuse: () => false,
    direct: new S3Client({ endpoint: upstream, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "test", secretAccessKey: "test" } }),
    stop: async () => {
      proxy.closeAllConnections();
      proxy.close();
      s3.direct.destroy();
      await server.stop();
    },
  };
  const proxy = http.createServer((req, res) => {
    const seen: SeenRequest = { method: req.method ?? "", url: req.url ?? "", range: req.headers.range };
    s3.requests.push(seen);
    if (s3.refuse(seen)) return void req.socket.destroy();
    const out = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      seen.status = answer.statusCode;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  s3.endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return s3;
}

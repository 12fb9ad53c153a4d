// RFC 9457 problem+json responses. Internal details (stacks, SQL) never reach the client; the request
// id ties a report to the server log line that has them.
import { ZodError } from "zod";
import { InputRejectedError } from "../analysis/input/limits";
import { ServiceError } from "../services/errors";
import { BlobStoreUnavailableError } from "../storage/blob-store-chunks";

export function problem(status: number, title: string, detail: string, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail, requestId }), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": requestId, ...headers },
  });
}

// Connection-level failures (node-postgres messages, SQLSTATE admin shutdown, Prisma's P1001/P1002/
// P1008/P1017 and pool timeout P2024): the database is away, not the request wrong, so retry later.
const DB_DOWN =
  /ECONNREFUSED|ECONNRESET|Connection terminated|ConnectionClosed|Server has closed the connection|the database system is (starting up|shutting down)|Can't reach database|57P0[1-3]|\bP10(01|02|08|17)\b|\bP2024\b|timeout exceeded when trying to connect/i;

export function errorToProblem(err: unknown, requestId: string): Response {
  if (err instanceof ServiceError) return problem(err.status, err.title, err.message, requestId);
  if (err instanceof InputRejectedError) return problem(422, "Unprocessable Content", err.message, requestId);
  if (err instanceof ZodError) {
    const detail = err.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return problem(400, "Bad Request", detail, requestId);
  }
  if (err instanceof BlobStoreUnavailableError) {
    // The bucket and the cause are for the operator's log, not for API callers.
    console.error(`[${requestId}]`, err.message);
    return problem(503, "Service Unavailable", "the upload store is unavailable; retry shortly", requestId, { "retry-after": "5" });
  }
  const message = err instanceof Error ? `${err.message} ${String((err as { code?: string }).code ?? "")}` : String(err);
  if (DB_DOWN.test(message)) {
    return problem(503, "Service Unavailable", "the database is unavailable; retry shortly", requestId, { "retry-after": "5" });
  }
  console.error(`[${requestId}]`, err);
  return problem(500, "Internal Server Error", "an unexpected error occurred; quote the request id when reporting it", requestId);
}

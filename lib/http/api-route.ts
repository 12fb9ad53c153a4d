// Wraps every API route handler: request id, caller, CSRF check, typed-error → problem+json mapping.
import { randomUUID } from "node:crypto";
import { requireSameOrigin } from "../auth/same-origin";
import { RateLimitedError } from "../services/account-errors";
import { UnauthorizedError, ValidationError } from "../services/errors";
import { authenticate, type Caller } from "./authenticate";
import { errorToProblem } from "./problem";
import { discardRest } from "./read-upload-request";

export interface RouteContext<P> {
  request: Request;
  params: P;
  caller: Caller;
  requestId: string;
}

type NextRouteArgs<P> = { params: Promise<P> };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function apiRoute<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return publicApiRoute<P>(async ({ request, ...rest }) => {
    const caller = await authenticate(request);
    // The cookie rides along on requests other sites make a browser send; a bearer token never does.
    if (caller.via === "session" && !SAFE_METHODS.has(request.method)) requireSameOrigin(request.headers);
    return handler({ request, caller, ...rest });
  });
}

/** For the few routes that decide for themselves who may call them (signing in). */
export function publicApiRoute<P = Record<string, never>>(handler: (ctx: Omit<RouteContext<P>, "caller">) => Promise<Response>) {
  return async (request: Request, args: NextRouteArgs<P>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const params = (await args?.params) ?? ({} as P);
      const res = await handler({ request, params, requestId });
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      // A refused request whose body was never read (401, 403, 429 before an upload is read): read it
      // anyway, in the background, so the keep-alive connection stays usable for the next request.
      if (request.body && !request.body.locked) void discardRest(request.body.getReader());
      const res = errorToProblem(err, requestId);
      if (err instanceof UnauthorizedError) res.headers.set("www-authenticate", 'Bearer realm="faultline"');
      if (err instanceof RateLimitedError) res.headers.set("retry-after", String(err.retryAfterSeconds));
      return res;
    }
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
  });
}

/** A small JSON request body (sign-in, settings), refused past `maxBytes` instead of buffered whole. */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").includes("json")) throw new ValidationError("send a JSON body (content-type: application/json)");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw new ValidationError(`the JSON body is larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new ValidationError("the body is not valid JSON");
  }
}

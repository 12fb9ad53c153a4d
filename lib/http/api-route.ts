// Wraps every API route handler: request id, caller, typed-error → problem+json mapping.
import { randomUUID } from "node:crypto";
import { authenticate, type Caller } from "./authenticate";
import { errorToProblem } from "./problem";

export interface RouteContext<P> {
  request: Request;
  params: P;
  caller: Caller;
  requestId: string;
}

type NextRouteArgs<P> = { params: Promise<P> };

export function apiRoute<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>) {
  return async (request: Request, args: NextRouteArgs<P>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const caller = await authenticate(request);
      const params = (await args?.params) ?? ({} as P);
      const res = await handler({ request, params, caller, requestId });
      res.headers.set("x-request-id", requestId);
      return res;
    } catch (err) {
      return errorToProblem(err, requestId);
    }
  };
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers ?? {}) },
  });
}

// POST /api/v1/auth/logout-everywhere: ends every session of the signed-in user, on every device.
import { clearedSessionCookies, isSecureRequest, serializeCookie } from "@/lib/auth/session-cookie";
import { apiRoute } from "@/lib/http/api-route";
import { requireRole } from "@/lib/http/authenticate";
import { signOutEverywhere } from "@/lib/services/sign-out";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request, caller }) => {
  requireRole(caller, "viewer");
  await signOutEverywhere({ userId: caller.userId! });
  const headers = new Headers({ "cache-control": "no-store" });
  for (const c of clearedSessionCookies(isSecureRequest(request.headers))) headers.append("set-cookie", serializeCookie(c));
  return new Response(null, { status: 204, headers });
});

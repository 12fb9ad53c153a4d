// POST /api/v1/auth/logout: ends this browser session and clears its cookie.
import { cookieGetter, clearedSessionCookies, isSecureRequest, readSessionToken, serializeCookie } from "@/lib/auth/session-cookie";
import { apiRoute } from "@/lib/http/api-route";
import { signOut } from "@/lib/services/sign-out";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ request }) => {
  const token = readSessionToken(cookieGetter(request.headers.get("cookie")));
  if (token) await signOut({ sessionToken: token });
  const headers = new Headers({ "cache-control": "no-store" });
  for (const c of clearedSessionCookies(isSecureRequest(request.headers))) headers.append("set-cookie", serializeCookie(c));
  return new Response(null, { status: 204, headers });
});

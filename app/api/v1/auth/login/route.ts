// POST /api/v1/auth/login {email, password}: starts a browser session (sets the httpOnly session cookie).
import { clientAddress } from "@/lib/auth/client-address";
import { requireSameOrigin } from "@/lib/auth/same-origin";
import { isSecureRequest, serializeCookie, sessionCookie } from "@/lib/auth/session-cookie";
import { json, publicApiRoute, readJson } from "@/lib/http/api-route";
import { signIn, ZSignInRequest } from "@/lib/services/sign-in";

export const dynamic = "force-dynamic";

export const POST = publicApiRoute(async ({ request }) => {
  // Login CSRF: another site must not sign a visitor into an account of its choosing.
  requireSameOrigin(request.headers);
  const credentials = ZSignInRequest.parse(await readJson(request));
  const session = await signIn({ credentials, clientAddress: clientAddress(request.headers) });
  const cookie = sessionCookie(session.token, session.expiresAt, isSecureRequest(request.headers));
  return json(
    { userId: session.userId, teamId: session.teamId, expiresAt: session.expiresAt.toISOString() },
    { headers: { "set-cookie": serializeCookie(cookie), "cache-control": "no-store" } },
  );
});

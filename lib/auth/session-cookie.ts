// The session cookie: httpOnly (scripts never see it), SameSite=Lax (not sent on cross-site POSTs),
// Secure with the __Host- prefix when Faultline is served over https (no subdomain can set or
// overwrite it). Its value is a random token; the database only has the token's sha256.
import { env } from "../env";

export const SESSION_COOKIE = "faultline_session";
export const SECURE_SESSION_COOKIE = "__Host-faultline_session";
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

type HeaderSource = { get(name: string): string | null };

/** https when FAULTLINE_PUBLIC_URL says so, or when the request (or the proxy in front) came over https. */
export function isSecureRequest(headers: HeaderSource): boolean {
  if (env().FAULTLINE_PUBLIC_URL?.startsWith("https:")) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https";
}

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export interface CookieSpec {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; expires: Date; maxAge: number };
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): CookieSpec {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return { name: sessionCookieName(secure), value: token, options: { httpOnly: true, sameSite: "lax", secure, path: "/", expires: expiresAt, maxAge } };
}

/** Cookies that end the session in the browser (both names: the scheme may have changed since sign-in). */
export function clearedSessionCookies(secure: boolean): CookieSpec[] {
  const gone = new Date(0);
  return [sessionCookieName(secure), ...(secure ? [SESSION_COOKIE] : [])].map((name) => ({
    name,
    value: "",
    options: { httpOnly: true, sameSite: "lax", secure: name === SECURE_SESSION_COOKIE || secure, path: "/", expires: gone, maxAge: 0 },
  }));
}

export function serializeCookie({ name, value, options }: CookieSpec): string {
  return [
    `${name}=${value}`,
    "Path=/",
    `Expires=${options.expires.toUTCString()}`,
    `Max-Age=${options.maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** The session token from a Cookie header (or a cookie store's getter). */
export function readSessionToken(get: (name: string) => string | undefined): string | undefined {
  const token = get(SECURE_SESSION_COOKIE) || get(SESSION_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export function cookieGetter(header: string | null): (name: string) => string | undefined {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0) {
      const name = part.slice(0, i).trim();
      if (!jar.has(name)) jar.set(name, part.slice(i + 1).trim());
    }
  }
  return (name) => jar.get(name);
}

// CSRF defence for requests a browser could be tricked into sending with the session cookie: the
// request must prove it comes from Faultline's own pages. Browsers set Sec-Fetch-Site and Origin
// themselves (scripts cannot forge them); a request with neither is refused.
import { env } from "../env";
import { ForbiddenError } from "../services/account-errors";

type HeaderSource = { get(name: string): string | null };

export function isSameOrigin(headers: HeaderSource): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0].trim()];
  const publicUrl = env().FAULTLINE_PUBLIC_URL;
  if (publicUrl) allowed.push(new URL(publicUrl).host);
  return allowed.includes(host);
}

export function requireSameOrigin(headers: HeaderSource): void {
  if (!isSameOrigin(headers)) throw new ForbiddenError("cross-site request refused: send it from Faultline's own pages, or use an API token");
}

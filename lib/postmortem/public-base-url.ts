// The absolute base URL for links Faultline hands out (share links, exported evidence links):
// FAULTLINE_PUBLIC_URL when set, else what the request (or the proxy in front of it) says.
import { env } from "../env";

export function publicBaseUrl(headers: { get(name: string): string | null }): string {
  const configured = env().FAULTLINE_PUBLIC_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() || "http";
  const host = headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host") || "localhost";
  return `${proto}://${host}`;
}

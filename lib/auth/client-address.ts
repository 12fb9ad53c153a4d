// The client's address for rate limiting. Behind a reverse proxy it is the first X-Forwarded-For
// entry (the proxy should overwrite that header); a client reaching Faultline directly can set it
// itself, which is why the login limit also caps attempts per email across all addresses.
type HeaderSource = { get(name: string): string | null };

export function clientAddress(headers: HeaderSource): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0].trim();
  const address = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 100);
}

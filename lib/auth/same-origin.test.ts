import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const h = (init: Record<string, string>) => new Headers({ host: "faultline.example:3000", ...init });

describe("same-origin check (CSRF)", () => {
  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(isSameOrigin(h({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOrigin(h({ "sec-fetch-site": "same-site", origin: "http://faultline.example:3000" }))).toBe(false);
    expect(isSameOrigin(h({ "sec-fetch-site": "cross-site", origin: "http://faultline.example:3000" }))).toBe(false);
  });

  it("else compares Origin with the Host (or the proxy's X-Forwarded-Host)", () => {
    expect(isSameOrigin(h({ origin: "http://faultline.example:3000" }))).toBe(true);
    expect(isSameOrigin(h({ origin: "https://faultline.example:3000" }))).toBe(true);
    expect(isSameOrigin(h({ origin: "https://public.example", "x-forwarded-host": "public.example" }))).toBe(true);
    expect(isSameOrigin(h({ origin: "http://evil.example" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "http://faultline.example:3000.evil.example" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "null" }))).toBe(false);
    expect(isSameOrigin(h({ origin: "not a url" }))).toBe(false);
  });

  it("refuses a request with neither header", () => {
    expect(isSameOrigin(h({}))).toBe(false);
  });
});

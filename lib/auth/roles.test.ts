import { describe, expect, it } from "vitest";
import { hasRole, requireRole, requireScope, scopesForRole } from "./roles";

describe("roles and scopes", () => {
  it("rank viewer < member < owner; API tokens have no role", () => {
    expect(hasRole({ role: "owner" }, "member")).toBe(true);
    expect(hasRole({ role: "member" }, "owner")).toBe(false);
    expect(() => requireRole({ role: "viewer" }, "member")).toThrow(/member role/);
    expect(() => requireRole({ role: null }, "viewer")).toThrow(/API token/);
    expect(() => requireRole({ role: "member" }, "member")).not.toThrow();
  });

  it("users' scopes follow their role; tokens have their own", () => {
    expect(scopesForRole("viewer")).toEqual(["read"]);
    expect(scopesForRole("member")).toEqual(["read", "upload", "write"]);
    expect(scopesForRole("owner")).toEqual(["read", "upload", "write"]);
    expect(() => requireScope({ scopes: ["upload", "read"] }, "write")).toThrow(/"write" scope/);
    expect(() => requireScope({ scopes: ["read"] }, "upload")).toThrow(/"upload" scope/);
    expect(() => requireScope({ scopes: ["upload"] }, "upload")).not.toThrow();
  });
});

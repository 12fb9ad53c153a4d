import { describe, expect, it } from "vitest";
import { canonicalQuery, hasFilters, queryString, valueOf, withChanges } from "./incidents-query";

describe("incidents page query", () => {
  it("drops unknown, empty and default parameters and keeps a stable order", () => {
    const q = canonicalQuery(new URLSearchParams("page=1&status=open&utm=x&q=%20acme%20%20greet%20&sort=lastSeen&class="));
    expect(q).toEqual({ q: "acme greet", status: "open" });
    expect(queryString(q)).toBe("q=acme+greet&status=open");
    expect(canonicalQuery({ severity: ["sev1", "sev2"], pageSize: "50" })).toEqual({ severity: "sev1", pageSize: "50" });
  });

  it("goes back to the first page when a filter changes", () => {
    const q = { status: "open", page: "3" };
    expect(withChanges(q, { class: "dns_failure" })).toEqual({ status: "open", class: "dns_failure" });
    expect(withChanges(q, { page: "4" })).toEqual({ status: "open", page: "4" });
    expect(withChanges(q, { status: "" })).toEqual({});
  });

  it("knows defaults and whether anything filters", () => {
    expect(valueOf({}, "sort")).toBe("lastSeen");
    expect(valueOf({}, "q")).toBe("");
    expect(hasFilters({ sort: "title" })).toBe(false);
    expect(hasFilters({ repo: "acme/x" })).toBe(true);
  });
});

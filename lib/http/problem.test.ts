import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { errorToProblem } from "./problem";

async function statusOf(err: unknown) {
  const res = errorToProblem(err, "req-1");
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

describe("errorToProblem", () => {
  // Seen in the restart-postgres drill: a query on a connection Postgres closed surfaced as a 500.
  it.each([
    ["P1017", "Server has closed the connection."],
    ["P1001", "Can't reach database server at 127.0.0.1:5432"],
    ["P2024", "Timed out fetching a new connection from the connection pool."],
  ])("Prisma %s means the database is away: 503 with Retry-After", async (code, message) => {
    const err = new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7.10.1" });
    const r = await statusOf(err);
    expect([r.status, r.retryAfter]).toEqual([503, "5"]);
    expect(r.body.detail).not.toContain("127.0.0.1");
  });

  it("node-postgres connection errors and admin shutdown are 503", async () => {
    expect((await statusOf(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).status).toBe(503);
    expect((await statusOf(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).status).toBe(503);
  });

  it("anything else is a 500 that hides the details", async () => {
    const err = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on secret_column", { code: "P2002", clientVersion: "7.10.1" });
    const r = await statusOf(err);
    expect(r.status).toBe(500);
    expect(JSON.stringify(r.body)).not.toContain("secret_column");
  });
});

// Team edits of runbooks on a real Postgres: get falls back to the built-in runbook, update validates
// and stores JSON, list and get show the edit, teams do not see each other's edits.
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "../../tests/support/db";
import { createTestTeam } from "../../tests/support/upload-factory";
import { db } from "../db/client";
import { NotFoundError, ValidationError } from "../services/errors";
import { getRunbook } from "../services/get-runbook";
import { listRunbooks } from "../services/list-runbooks";
import { updateRunbook } from "../services/update-runbook";
import { BUILTIN_RUNBOOKS, builtinRunbook } from "./index";
import { renderRunbook } from "./render";

connectTestDatabase();

const edit = {
  title: "Checksum mismatch: call #go-platform",
  summary: "Our proxy never rewrites modules; a mismatch means a moved tag.",
  diagnose: [{ text: "Check the tag", command: "git ls-remote --tags https://{module} {version}" }],
  fix: [{ text: "Ask the owner to restore the tag" }],
  prevent: [],
};

describe("runbook services", () => {
  it("serves the built-in runbook until the team edits it, then the edit", async () => {
    const teamId = await createTestTeam();
    const before = await getRunbook({ teamId, key: "go-checksum-mismatch" });
    expect(before).toMatchObject({ key: "go-checksum-mismatch", edited: false, updatedAt: null, title: builtinRunbook("go-checksum-mismatch")!.title });

    const saved = await updateRunbook({ teamId, key: "go-checksum-mismatch", runbook: edit });
    expect(saved).toMatchObject({ edited: true, title: edit.title, ecosystem: "go", classes: ["checksum_mismatch"] });

    const after = await getRunbook({ teamId, key: "go-checksum-mismatch" });
    expect(after.title).toBe(edit.title);
    // An incident renders at read time: the edit applies with the event's fields filled in.
    const rendered = renderRunbook(after, { module: "github.com/acme/greet", version: "v1.0.0" });
    expect(rendered.diagnose[0].command).toBe("git ls-remote --tags https://github.com/acme/greet v1.0.0");

    const row = await db().runbook.findUniqueOrThrow({ where: { teamId_key: { teamId, key: "go-checksum-mismatch" } } });
    expect(JSON.parse(row.body)).toMatchObject({ title: edit.title });
    expect(row.title).toBe(edit.title);
  });

  it("resolves an event's runbook id and class to the team's edit", async () => {
    const teamId = await createTestTeam();
    await updateRunbook({ teamId, key: "npm-forbidden", runbook: { ...edit, title: "npm 403: ask #registry" } });
    const view = await getRunbook({ teamId, key: "npm-error", eventClass: "http_403" });
    expect(view).toMatchObject({ key: "npm-forbidden", title: "npm 403: ask #registry", edited: true });
    const fallback = await getRunbook({ teamId, key: null, eventClass: "enoent" });
    expect(fallback.key).toBe("file-not-found");
  });

  it("stores edits under the runbook's id when given an alias, and updates in place", async () => {
    const teamId = await createTestTeam();
    await updateRunbook({ teamId, key: "npm-error.http-403", runbook: edit });
    await updateRunbook({ teamId, key: "npm-forbidden", runbook: { ...edit, title: "second" } });
    const rows = await db().runbook.findMany({ where: { teamId } });
    expect(rows.map((r) => [r.key, r.title])).toEqual([["npm-forbidden", "second"]]);
  });

  it("lists every built-in runbook with the team's edits applied, per team", async () => {
    const a = await createTestTeam();
    const b = await createTestTeam();
    await updateRunbook({ teamId: a, key: "dns-failure", runbook: edit });
    const listA = await listRunbooks({ teamId: a });
    const listB = await listRunbooks({ teamId: b });
    expect(listA.map((r) => r.key)).toEqual(BUILTIN_RUNBOOKS.map((r) => r.id));
    expect(listA.find((r) => r.key === "dns-failure")).toMatchObject({ edited: true, title: edit.title });
    expect(listB.find((r) => r.key === "dns-failure")).toMatchObject({ edited: false });
    expect(listA.filter((r) => r.edited)).toHaveLength(1);
  });

  it("rejects invalid content and unknown keys with typed errors", async () => {
    const teamId = await createTestTeam();
    await expect(updateRunbook({ teamId, key: "dns-failure", runbook: { ...edit, fix: [] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateRunbook({ teamId, key: "dns-failure", runbook: "<script>" })).rejects.toThrow(/invalid runbook/);
    await expect(updateRunbook({ teamId, key: "no-such-runbook", runbook: edit })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRunbook({ teamId, key: "no-such-runbook" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().runbook.count({ where: { teamId } })).toBe(0);
  });

  it("shows the built-in runbook when a stored edit no longer parses", async () => {
    const teamId = await createTestTeam();
    await db().runbook.create({ data: { teamId, key: "disk-full", title: "broken", body: "{oops" } });
    const view = await getRunbook({ teamId, key: "disk-full" });
    expect(view).toMatchObject({ edited: false, title: builtinRunbook("disk-full")!.title });
  });
});

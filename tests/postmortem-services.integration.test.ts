// Postmortem services on a real Postgres: the draft written from an analysed corpus log, saving with
// conflict detection, action item edits, and the Markdown export.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import type { TPostmortemContent } from "../lib/postmortem/content";
import { checkPostmortemQuality } from "../lib/postmortem/quality";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { createActionItem } from "../lib/services/create-action-item";
import { exportPostmortemMarkdown } from "../lib/services/export-postmortem-markdown";
import { getPostmortem } from "../lib/services/get-postmortem";
import { updateActionItem } from "../lib/services/update-action-item";
import { updatePostmortem } from "../lib/services/update-postmortem";
import { connectTestDatabase } from "./support/db";
import { corpusFile, createTestTeam, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

let teamId: string;
let incidentId: string;
let uploadId: string;

beforeAll(async () => {
  teamId = await createTestTeam();
  const up = await uploadFiles(teamId, [corpusFile("go-checksum-mismatch.log")], { repo: "acme/ledger-cli", branch: "main" });
  uploadId = up.id;
  incidentId = (await analyzeUpload({ uploadId: up.id })).incidentId!;
});

describe("getPostmortem", () => {
  it("drafts the document from the incident: root cause with its evidence link, impact, timeline", async () => {
    const doc = await getPostmortem({ teamId, incidentId });
    expect(doc.updatedAt).toBeNull();
    expect(doc.header).toMatchObject({ incidentId, rootCauseClass: "checksum_mismatch", repos: ["acme/ledger-cli"], occurrenceCount: 1 });
    expect(doc.content.summary).toMatch(/^1 build of acme\/ledger-cli failed with checksum mismatch on github.com\/acme\/greet@v1.0.0 between /);
    expect(doc.content.rootCause).toContain("verifying github.com/acme/greet@v1.0.0: checksum mismatch");
    expect(doc.content.rootCause).toMatch(new RegExp(`\\]\\(/uploads/${uploadId}/log#L2(-L\\d+)?\\)`));
    // The incident's computed timeline: the build and its failures, each with a UTC time.
    expect(doc.content.timeline.length).toBeGreaterThanOrEqual(2);
    for (const t of doc.content.timeline) expect(t.at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    const failure = doc.content.timeline.find((t) => t.text.startsWith("checksum mismatch: verifying github.com/acme/greet@v1.0.0"));
    expect(failure?.text).toMatch(new RegExp(`\\(\\[log lines? 2[–\\d]*\\]\\(/uploads/${uploadId}/log#L2`));
    const failing = checkPostmortemQuality(doc).filter((c) => !c.ok).map((c) => c.id);
    expect(failing).toEqual(["action-items"]);
  });

  it("is not found for another team", async () => {
    const other = await createTestTeam();
    await expect(getPostmortem({ teamId: other, incidentId })).rejects.toThrow(/not found/);
  });
});

describe("updatePostmortem", () => {
  it("saves the document and refuses a save based on an older version", async () => {
    const draft = (await getPostmortem({ teamId, incidentId })).content;
    const edited: TPostmortemContent = { ...draft, trigger: "The v1.0.0 tag of acme/greet was moved upstream.", lessons: { ...draft.lessons, gotLucky: "Only CI was affected." } };
    const first = await updatePostmortem({ teamId, incidentId, request: { content: edited, baseUpdatedAt: null } });
    const saved = await getPostmortem({ teamId, incidentId });
    expect(saved.updatedAt).toBe(first.updatedAt);
    expect(saved.content.trigger).toBe("The v1.0.0 tag of acme/greet was moved upstream.");

    // Someone else saved meanwhile: a save still based on "no saved version" is a conflict (409).
    await expect(updatePostmortem({ teamId, incidentId, request: { content: draft, baseUpdatedAt: null } })).rejects.toMatchObject({ status: 409 });
    const second = await updatePostmortem({ teamId, incidentId, request: { content: { ...edited, impact: "Two pipelines." }, baseUpdatedAt: first.updatedAt } });
    expect(second.updatedAt >= first.updatedAt).toBe(true);
    expect((await getPostmortem({ teamId, incidentId })).content.impact).toBe("Two pipelines.");
  });

  it("validates the document", async () => {
    const draft = (await getPostmortem({ teamId, incidentId })).content;
    await expect(updatePostmortem({ teamId, incidentId, request: { content: { ...draft, summary: 42 } } })).rejects.toThrow();
    await expect(updatePostmortem({ teamId, incidentId, request: { content: { ...draft, version: 2 } } })).rejects.toThrow();
    await expect(updatePostmortem({ teamId, incidentId, request: { content: { ...draft, summary: "x".repeat(20_001) } } })).rejects.toThrow(/20,000/);
    const other = await createTestTeam();
    await expect(updatePostmortem({ teamId: other, incidentId, request: { content: draft } })).rejects.toThrow(/not found/);
  });
});

describe("updateActionItem", () => {
  it("edits owner, type, status and tracker link; empty strings clear them", async () => {
    const item = await createActionItem({ teamId, incidentId, item: { title: "Protect release tags" } });
    const updated = await updateActionItem({
      teamId,
      incidentId,
      actionItemId: item.id,
      changes: { owner: " platform team ", type: "prevent", status: "in_progress", trackerUrl: "https://tracker.example.com/PLAT-12" },
    });
    expect(updated).toMatchObject({ owner: "platform team", type: "prevent", status: "in_progress", trackerUrl: "https://tracker.example.com/PLAT-12" });
    const cleared = await updateActionItem({ teamId, incidentId, actionItemId: item.id, changes: { owner: "", trackerUrl: "", type: null } });
    expect(cleared).toMatchObject({ owner: null, trackerUrl: null, type: null, status: "in_progress", title: "Protect release tags" });
  });

  it("refuses bad values and other teams' items", async () => {
    const item = await createActionItem({ teamId, incidentId, item: { title: "x" } });
    await expect(updateActionItem({ teamId, incidentId, actionItemId: item.id, changes: { trackerUrl: "javascript:alert(1)" } })).rejects.toThrow(/http/);
    await expect(updateActionItem({ teamId, incidentId, actionItemId: item.id, changes: { title: "  " } })).rejects.toThrow(/title/);
    const other = await createTestTeam();
    await expect(updateActionItem({ teamId: other, incidentId, actionItemId: item.id, changes: { owner: "me" } })).rejects.toThrow(/not found/);
    await db().actionItem.delete({ where: { id: item.id } });
  });
});

describe("exportPostmortemMarkdown", () => {
  it("renders the saved document with action items and absolute evidence links", async () => {
    const { fileName, markdown } = await exportPostmortemMarkdown({ teamId, incidentId, baseUrl: "https://faultline.example.com" });
    expect(fileName).toBe("postmortem-checksum-mismatch-github-com-acme-greet-v1-0-0-in-ledger-cli.md");
    expect(markdown).toMatch(/^# Postmortem: checksum mismatch: github.com\/acme\/greet@v1.0.0 in ledger-cli\n/);
    expect(markdown).toContain("## Trigger\n\nThe v1.0.0 tag of acme/greet was moved upstream.");
    expect(markdown).toContain(`](https://faultline.example.com/uploads/${uploadId}/log#L2`);
    expect(markdown).toContain("| Protect release tags | — | — | In progress | — |");
    expect(markdown).toContain("### Where we got lucky\n\nOnly CI was affected.");
  });
});

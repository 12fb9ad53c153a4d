// Share links on a real Postgres: created with a hashed 256-bit token, read without a team, secrets
// redacted, and 404 once revoked or expired.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import { hashShareToken } from "../lib/postmortem/share-token";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { createShareLink } from "../lib/services/create-share-link";
import { exportPostmortemMarkdown } from "../lib/services/export-postmortem-markdown";
import { getSharedPostmortem } from "../lib/services/get-shared-postmortem";
import { listShareLinks } from "../lib/services/list-share-links";
import { revokeShareLink } from "../lib/services/revoke-share-link";
import { connectTestDatabase } from "./support/db";
import { createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

const SECRET = "ghs_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
const LOG = `Run git clone https://github.com/acme/private.git
Cloning into 'private'...
fatal: unable to access 'https://x-access-token:${SECRET}@github.com/acme/private.git/': The requested URL returned error: 403
Error: Process completed with exit code 128.
`;

let teamId: string;
let incidentId: string;
const base = "https://faultline.example.com";

beforeAll(async () => {
  teamId = await createTestTeam();
  const up = await uploadFiles(teamId, [textFile("clone.log", LOG)], { repo: "acme/private" });
  incidentId = (await analyzeUpload({ uploadId: up.id })).incidentId!;
});

describe("share links", () => {
  it("hand out a 256-bit token once and store only its hash", async () => {
    const link = await createShareLink({ teamId, incidentId, baseUrl: `${base}/` });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`${base}/share/${link.token}`);
    const row = await db().shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(hashShareToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
  });

  it("show the postmortem without a team, with secrets redacted", async () => {
    const link = await createShareLink({ teamId, incidentId, baseUrl: base });
    const doc = await getSharedPostmortem({ token: link.token });
    expect(doc.header.incidentId).toBe(incidentId);
    expect(doc.content.rootCause).toContain("github.com/acme/private.git");
    expect(JSON.stringify(doc)).not.toContain(SECRET);
    expect(JSON.stringify(doc)).toContain("[REDACTED");
    const { markdown } = await exportPostmortemMarkdown({ teamId, incidentId, baseUrl: base });
    expect(markdown).not.toContain(SECRET);
  });

  it("answer not found once revoked (by token or by id), and for unknown tokens", async () => {
    const a = await createShareLink({ teamId, incidentId, baseUrl: base });
    const b = await createShareLink({ teamId, incidentId, baseUrl: base });
    await revokeShareLink({ teamId, token: a.token });
    await expect(getSharedPostmortem({ token: a.token })).rejects.toThrow(/not found/);
    await revokeShareLink({ teamId, linkId: b.id });
    await expect(getSharedPostmortem({ token: b.token })).rejects.toThrow(/not found/);
    await expect(revokeShareLink({ teamId, token: a.token })).resolves.toMatchObject({ id: a.id }); // again: no-op
    await expect(getSharedPostmortem({ token: "x".repeat(43) })).rejects.toThrow(/not found/);
    await expect(getSharedPostmortem({ token: "../../etc/passwd" })).rejects.toThrow(/not found/);
    const states = Object.fromEntries((await listShareLinks({ teamId, incidentId })).map((l) => [l.id, l.state]));
    expect(states[a.id]).toBe("revoked");
    expect(states[b.id]).toBe("revoked");
  });

  it("stop working when they expire", async () => {
    const soon = new Date(Date.now() + 60_000);
    const link = await createShareLink({ teamId, incidentId, baseUrl: base, request: { expiresAt: soon.toISOString() } });
    expect(link.expiresAt).toBe(soon.toISOString());
    await expect(getSharedPostmortem({ token: link.token })).resolves.toMatchObject({ expiresAt: soon.toISOString() });
    await expect(getSharedPostmortem({ token: link.token, now: new Date(soon.getTime() + 1) })).rejects.toThrow(/not found/);
    const later = (await listShareLinks({ teamId, incidentId, now: new Date(soon.getTime() + 1) })).find((l) => l.id === link.id);
    expect(later?.state).toBe("expired");
  });

  it("refuse past or far expiries, other teams and unknown incidents", async () => {
    await expect(createShareLink({ teamId, incidentId, baseUrl: base, request: { expiresAt: "2001-01-01T00:00:00Z" } })).rejects.toThrow(/future/);
    await expect(createShareLink({ teamId, incidentId, baseUrl: base, request: { expiresAt: new Date(Date.now() + 400 * 86_400_000).toISOString() } })).rejects.toThrow(/year/);
    const other = await createTestTeam();
    await expect(createShareLink({ teamId: other, incidentId, baseUrl: base })).rejects.toThrow(/not found/);
    const link = await createShareLink({ teamId, incidentId, baseUrl: base });
    await expect(revokeShareLink({ teamId: other, token: link.token })).rejects.toThrow(/not found/);
    await expect(getSharedPostmortem({ token: link.token })).resolves.toBeTruthy();
  });
});

// Joining a team by invitation link, and owners managing members, on a real Postgres.
import { describe, expect, it } from "vitest";
import { callerFromSession } from "../lib/auth/resolve-caller";
import { hashSecret } from "../lib/auth/secret-token";
import { db } from "../lib/db/client";
import { acceptInvitation } from "../lib/services/accept-invitation";
import { changeMemberRole } from "../lib/services/change-member-role";
import { createSession } from "../lib/services/create-session";
import { getInvitation } from "../lib/services/get-invitation";
import { inviteMember } from "../lib/services/invite-member";
import { listTeamMembers } from "../lib/services/list-team-members";
import { removeMember } from "../lib/services/remove-member";
import { revokeInvitation } from "../lib/services/revoke-invitation";
import { signIn } from "../lib/services/sign-in";
import { switchTeam } from "../lib/services/switch-team";
import { createTestAccount, TEST_PASSWORD, uniqueEmail } from "./support/auth-factory";
import { connectTestDatabase } from "./support/db";

connectTestDatabase();

describe("invitations", () => {
  it("a link (≥128 random bits, stored hashed) lets a new account join with the invited role, once", async () => {
    const owner = await createTestAccount();
    const inv = await inviteMember({ teamId: owner.teamId, invitedById: owner.userId, invitation: { role: "viewer" } });
    expect(Buffer.from(inv.token, "base64url").length).toBeGreaterThanOrEqual(16);
    const row = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
    expect(row.tokenHash).toBe(hashSecret(inv.token));
    expect(await getInvitation({ token: inv.token })).toMatchObject({ teamId: owner.teamId, role: "viewer", email: null });

    const email = uniqueEmail("joiner");
    const joined = await acceptInvitation({ token: inv.token, newAccount: { email, password: TEST_PASSWORD } });
    expect(joined.teamId).toBe(owner.teamId);
    const { members } = await listTeamMembers({ teamId: owner.teamId });
    expect(members.find((m) => m.email === email)?.role).toBe("viewer");
    await expect(signIn({ credentials: { email, password: TEST_PASSWORD }, clientAddress: "t" })).resolves.toMatchObject({ teamId: owner.teamId });

    await expect(getInvitation({ token: inv.token })).rejects.toThrow(/not found/);
    await expect(acceptInvitation({ token: inv.token, newAccount: { email: uniqueEmail(), password: TEST_PASSWORD } })).rejects.toThrow(/not found/);
  });

  it("two people accepting the same link at once: exactly one gets in", async () => {
    const owner = await createTestAccount();
    const inv = await inviteMember({ teamId: owner.teamId, invitation: {} });
    const results = await Promise.allSettled(
      [uniqueEmail(), uniqueEmail(), uniqueEmail()].map((email) => acceptInvitation({ token: inv.token, newAccount: { email, password: TEST_PASSWORD } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listTeamMembers({ teamId: owner.teamId })).members).toHaveLength(2);
  });

  it("expired and withdrawn links do not work", async () => {
    const owner = await createTestAccount();
    const expired = await inviteMember({ teamId: owner.teamId, invitation: {} });
    await db().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(getInvitation({ token: expired.token })).rejects.toThrow(/not found/);
    await expect(acceptInvitation({ token: expired.token, newAccount: { email: uniqueEmail(), password: TEST_PASSWORD } })).rejects.toThrow(/not found/);

    const withdrawn = await inviteMember({ teamId: owner.teamId, invitation: {} });
    const other = await createTestAccount();
    await expect(revokeInvitation({ teamId: other.teamId, invitationId: withdrawn.id })).rejects.toThrow(/not found/);
    await revokeInvitation({ teamId: owner.teamId, invitationId: withdrawn.id });
    await expect(getInvitation({ token: withdrawn.token })).rejects.toThrow(/not found/);
    expect((await listTeamMembers({ teamId: owner.teamId })).invitations).toHaveLength(0);
  });

  it("an invitation bound to an email only works for that email", async () => {
    const owner = await createTestAccount();
    const email = uniqueEmail("bound");
    const inv = await inviteMember({ teamId: owner.teamId, invitation: { email: email.toUpperCase() } });
    await expect(acceptInvitation({ token: inv.token, newAccount: { email: uniqueEmail(), password: TEST_PASSWORD } })).rejects.toThrow(/for /);
    await expect(acceptInvitation({ token: inv.token, newAccount: { email, password: TEST_PASSWORD } })).resolves.toMatchObject({ teamId: owner.teamId });
  });

  it("an existing user joins a second team and can switch between them", async () => {
    const owner = await createTestAccount();
    const user = await createTestAccount();
    const inv = await inviteMember({ teamId: owner.teamId, invitation: { role: "member" } });
    await acceptInvitation({ token: inv.token, userId: user.userId });
    const session = await createSession({ userId: user.userId, teamId: user.teamId });
    expect((await callerFromSession(session.token))!.teamId).toBe(user.teamId);
    await switchTeam({ sessionId: session.sessionId, userId: user.userId, teamId: owner.teamId });
    expect(await callerFromSession(session.token)).toMatchObject({ teamId: owner.teamId, role: "member" });
    await expect(switchTeam({ sessionId: session.sessionId, userId: user.userId, teamId: (await createTestAccount()).teamId })).rejects.toThrow(/not found/);
    // Removed from the team: the session falls back to the team they still belong to.
    await removeMember({ teamId: owner.teamId, userId: user.userId });
    expect((await callerFromSession(session.token))!.teamId).toBe(user.teamId);
  });
});

describe("members", () => {
  it("a team always keeps an owner", async () => {
    const owner = await createTestAccount();
    const member = await createTestAccount({ teamId: owner.teamId, role: "member" });
    await expect(changeMemberRole({ teamId: owner.teamId, userId: owner.userId, role: "member" })).rejects.toThrow(/at least one owner/);
    await expect(removeMember({ teamId: owner.teamId, userId: owner.userId })).rejects.toThrow(/at least one owner/);
    await changeMemberRole({ teamId: owner.teamId, userId: member.userId, role: "owner" });
    await changeMemberRole({ teamId: owner.teamId, userId: owner.userId, role: "viewer" });
    const roles = Object.fromEntries((await listTeamMembers({ teamId: owner.teamId })).members.map((m) => [m.userId, m.role]));
    expect(roles).toEqual({ [owner.userId]: "viewer", [member.userId]: "owner" });
  });

  it("another team's member ids are not found", async () => {
    const [a, b] = [await createTestAccount(), await createTestAccount()];
    await expect(changeMemberRole({ teamId: b.teamId, userId: a.userId, role: "viewer" })).rejects.toThrow(/not found/);
    await expect(removeMember({ teamId: b.teamId, userId: a.userId })).rejects.toThrow(/not found/);
  });
});

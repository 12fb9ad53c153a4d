// Ends one browser session, or every session of a user ("sign out everywhere").
import { db } from "../db/client";
import { hashSecret } from "../auth/secret-token";

export async function signOut(input: { sessionToken: string }): Promise<void> {
  await db().session.deleteMany({ where: { id: hashSecret(input.sessionToken) } });
}

export async function signOutEverywhere(input: { userId: string }): Promise<number> {
  return (await db().session.deleteMany({ where: { userId: input.userId } })).count;
}

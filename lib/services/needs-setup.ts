// A fresh install has no user yet: its first visitor creates the admin on /setup.
import { db } from "../db/client";

export async function needsSetup(): Promise<boolean> {
  return (await db().user.findFirst({ select: { id: true } })) === null;
}

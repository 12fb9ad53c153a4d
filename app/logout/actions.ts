"use server";
// Signing out of this browser, or of every browser and device at once.
import { redirect } from "next/navigation";
import { endBrowserSession } from "@/lib/auth/browser-session";
import { optionalCaller } from "@/lib/http/authenticate";
import { signOut, signOutEverywhere } from "@/lib/services/sign-out";

export async function signOutHere(): Promise<void> {
  const token = await endBrowserSession();
  if (token) await signOut({ sessionToken: token });
  redirect("/login");
}

export async function signOutOfAllSessions(): Promise<void> {
  const caller = await optionalCaller();
  if (caller?.userId) await signOutEverywhere({ userId: caller.userId });
  await endBrowserSession();
  redirect("/login");
}

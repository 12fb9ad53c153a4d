// Sign out. A page with buttons rather than a GET that signs out, so no link or image on another
// site can sign anyone out.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { optionalCaller } from "@/lib/http/authenticate";
import { AuthCard } from "../login/_components/auth-card";
import { SignOutButtons } from "./_components/sign-out-buttons";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign out" };

export default async function LogoutPage() {
  if (!(await optionalCaller())) redirect("/login");
  return (
    <AuthCard title="Sign out" intro="Sign out of this browser, or end every session of your account (other browsers and devices too).">
      <SignOutButtons />
    </AuthCard>
  );
}

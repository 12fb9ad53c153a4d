// Sign out. A page with buttons rather than a GET that signs out, so no link or image on another
// site can sign anyone out.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { optionalCaller } from "@/lib/http/authenticate";
import { AuthCard } from "../login/_components/auth-card";
import { primaryButton, secondaryButton } from "../login/_components/styles";
import { signOutHere, signOutOfAllSessions } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign out" };

export default async function LogoutPage() {
  if (!(await optionalCaller())) redirect("/login");
  return (
    <AuthCard title="Sign out" intro="Sign out of this browser, or end every session of your account (other browsers and devices too).">
      <div className="flex flex-wrap gap-3">
        <form action={signOutHere}>
          <button type="submit" className={primaryButton}>
            Sign out
          </button>
        </form>
        <form action={signOutOfAllSessions}>
          <button type="submit" className={secondaryButton}>
            Sign out everywhere
          </button>
        </form>
      </div>
    </AuthCard>
  );
}

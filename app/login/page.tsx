// Sign in. A fresh install (no user yet) is sent to /setup instead; a signed-in visitor goes on.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNextPath } from "@/lib/auth/form-state";
import { optionalCaller } from "@/lib/http/authenticate";
import { needsSetup } from "@/lib/services/needs-setup";
import { AuthCard } from "./_components/auth-card";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const next = safeNextPath((await searchParams).next);
  if (await needsSetup()) redirect("/setup");
  if (await optionalCaller()) redirect(next);
  return (
    <AuthCard title="Sign in to Faultline" intro="New here? Ask a team owner for an invitation link.">
      <LoginForm next={next} />
    </AuthCard>
  );
}

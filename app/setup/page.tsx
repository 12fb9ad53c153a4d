// First run: whoever opens a fresh install first creates the admin account (owner of the first
// team). Once a user exists this page is gone (404).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { needsSetup } from "@/lib/services/needs-setup";
import { AuthCard } from "../login/_components/auth-card";
import { SetupForm } from "./setup-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  if (!(await needsSetup())) notFound();
  return (
    <AuthCard title="Set up Faultline" intro="Nobody has an account yet. Create the administrator: the owner of your first team.">
      <SetupForm />
    </AuthCard>
  );
}

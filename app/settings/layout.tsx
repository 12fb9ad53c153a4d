// Settings: the account, the team's members and invitations, and API tokens.
import type { ReactNode } from "react";
import { currentCaller } from "@/lib/http/authenticate";
import { SettingsNav } from "./_components/settings-nav";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await currentCaller();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <SettingsNav />
      {children}
    </div>
  );
}

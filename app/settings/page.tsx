// Account settings: who you are, your teams, your password and your sessions.
import type { Metadata } from "next";
import { currentCaller, hasRole } from "@/lib/http/authenticate";
import { getAccount } from "@/lib/services/get-account";
import { primaryButton, secondaryButton } from "../login/_components/styles";
import { SignOutButtons } from "../logout/_components/sign-out-buttons";
import { Panel, RoleBadge } from "./_components/panel";
import { reanalyzeTeamUploads, selectTeam } from "./actions";
import { countStaleUploads } from "@/lib/services/count-stale-uploads";
import { PasswordForm } from "./password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ reanalyzed?: string }> }) {
  const caller = await currentCaller();
  const account = await getAccount({ userId: caller.userId! });
  const owner = hasRole(caller, "owner");
  const analysis = owner ? await countStaleUploads({ teamId: caller.teamId }) : null;
  const { reanalyzed } = await searchParams;
  return (
    <div className="space-y-6">
      <Panel id="profile-heading" title="Account">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-600 dark:text-slate-400">Email</dt>
          <dd data-testid="account-email">{account.email}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Name</dt>
          <dd>{account.name ?? "—"}</dd>
          {account.isAdmin ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">Instance</dt>
              <dd>Administrator</dd>
            </>
          ) : null}
        </dl>
      </Panel>
      <Panel id="teams-heading" title="Teams" description="Incidents, uploads, runbooks and tokens belong to a team; you see the team marked current.">
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {account.teams.map((t) => (
            <li key={t.teamId} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span className="flex items-center gap-2">
                <span className="font-medium">{t.name}</span>
                <RoleBadge role={t.role} />
                {t.teamId === caller.teamId ? <span className="text-xs text-emerald-700 dark:text-emerald-400">current</span> : null}
              </span>
              {t.teamId === caller.teamId ? null : (
                <form action={selectTeam}>
                  <input type="hidden" name="teamId" value={t.teamId} />
                  <button type="submit" className={secondaryButton}>
                    Switch to {t.name}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      </Panel>
      {analysis ? (
        <Panel id="analysis-heading" title="Analysis" description={`Analyzer version ${analysis.analyzerVersion}. Re-analysis replaces each upload's events and regroups it; incidents keep their notes and action items.`}>
          {reanalyzed !== undefined ? (
            <p role="status" className="mb-3 text-sm text-emerald-700 dark:text-emerald-400">
              {reanalyzed} upload{reanalyzed === "1" ? "" : "s"} queued for re-analysis.
            </p>
          ) : null}
          <form action={reanalyzeTeamUploads} className="flex flex-wrap items-center gap-3 text-sm">
            <span data-testid="stale-uploads">
              {analysis.stale} upload{analysis.stale === 1 ? "" : "s"} analysed by an older version
            </span>
            <button type="submit" name="scope" value="stale" className={primaryButton} disabled={analysis.stale === 0}>
              Re-analyse those
            </button>
            <button type="submit" name="scope" value="all" className={secondaryButton}>
              Re-analyse all uploads
            </button>
          </form>
        </Panel>
      ) : null}
      <Panel id="password-heading" title="Password">
        <PasswordForm />
      </Panel>
      <Panel id="sessions-heading" title="Sessions" description="Sign out everywhere ends every session of your account: other browsers and devices are signed out at once.">
        <SignOutButtons />
      </Panel>
    </div>
  );
}

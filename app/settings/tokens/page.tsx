// API tokens of the team: for CI uploads and scripts. Owners create and revoke them.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { currentCaller, hasRole } from "@/lib/http/authenticate";
import { listApiTokens, type ApiTokenView } from "@/lib/services/list-api-tokens";
import { dangerButton } from "../../login/_components/styles";
import { Panel, utc } from "../_components/panel";
import { revokeToken } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const caller = await currentCaller();
  const isOwner = hasRole(caller, "owner");
  const tokens = await listApiTokens({ teamId: caller.teamId });
  const active = tokens.filter((t) => !t.revokedAt);
  const revoked = tokens.filter((t) => t.revokedAt);
  const h = await headers();
  const origin = env().FAULTLINE_PUBLIC_URL?.replace(/\/+$/, "") ?? `${h.get("x-forwarded-proto")?.split(",")[0] || "http"}://${h.get("host")}`;
  return (
    <div className="space-y-6">
      {isOwner ? (
        <Panel id="new-token-heading" title="New API token" description="A token acts for this team, with only the scopes you give it. Faultline stores a hash: the token is shown once.">
          <CreateTokenForm origin={origin} />
        </Panel>
      ) : null}
      <Panel id="tokens-heading" title={`Tokens (${active.length})`} description={isOwner ? undefined : "Only team owners can create or revoke tokens."}>
        {active.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No active tokens.</p> : <TokenList tokens={active} isOwner={isOwner} label="Active API tokens" />}
        {revoked.length > 0 ? (
          <details className="text-sm">
            <summary className="cursor-pointer text-slate-700 dark:text-slate-300">Revoked tokens ({revoked.length})</summary>
            <TokenList tokens={revoked} isOwner={isOwner} label="Revoked API tokens" />
          </details>
        ) : null}
      </Panel>
    </div>
  );
}

function TokenList({ tokens, isOwner, label }: { tokens: ApiTokenView[]; isOwner: boolean; label: string }) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label={label}>
      {tokens.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="token-row">
          <div className="min-w-0 space-y-0.5">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium break-all">{t.name}</span>
              <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{t.prefix}…</span>
              {t.scopes.map((s) => (
                <span key={s} className="rounded bg-slate-200 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-700">
                  {s}
                </span>
              ))}
              {t.revokedAt ? <span className="rounded bg-rose-100 px-1.5 py-0.5 text-xs font-medium text-rose-900 dark:bg-rose-900/40 dark:text-rose-200">revoked</span> : null}
            </div>
            <div className="text-xs text-slate-600 dark:text-slate-400">
              created {utc(t.createdAt)} · last used {utc(t.lastUsedAt)}
              {t.revokedAt ? ` · revoked ${utc(t.revokedAt)}` : ""}
            </div>
          </div>
          {isOwner && !t.revokedAt ? (
            <form action={revokeToken}>
              <input type="hidden" name="tokenId" value={t.id} />
              <button type="submit" className={dangerButton}>
                Revoke<span className="sr-only"> {t.name}</span>
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

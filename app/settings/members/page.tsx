// The team's members and pending invitations; owners invite, change roles and remove.
import type { Metadata } from "next";
import { currentCaller, hasRole } from "@/lib/http/authenticate";
import { listTeamMembers } from "@/lib/services/list-team-members";
import { dangerButton } from "../../login/_components/styles";
import { Panel, RoleBadge, utc } from "../_components/panel";
import { withdrawInvitation } from "./actions";
import { InviteForm, MemberControls } from "./member-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const caller = await currentCaller();
  const isOwner = hasRole(caller, "owner");
  const { members, invitations } = await listTeamMembers({ teamId: caller.teamId });
  return (
    <div className="space-y-6">
      {isOwner ? (
        <Panel id="invite-heading" title="Invite someone" description="An invitation is a link that lets one person join this team with the role you choose.">
          <InviteForm />
        </Panel>
      ) : null}
      <Panel id="members-heading" title={`Members (${members.length})`} description={isOwner ? undefined : "Only team owners can invite people or change roles."}>
        <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Members">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm" data-testid="member-row">
              <div className="min-w-0 space-y-0.5">
                <div className="flex items-center gap-2">
                  <span className="font-medium break-all">{m.email}</span>
                  <RoleBadge role={m.role} />
                  {m.userId === caller.userId ? <span className="text-xs text-slate-600 dark:text-slate-400">(you)</span> : null}
                </div>
                <div className="text-xs text-slate-600 dark:text-slate-400">
                  {m.name ? `${m.name} · ` : ""}joined {utc(m.joinedAt)}
                </div>
              </div>
              {isOwner ? <MemberControls userId={m.userId} email={m.email} role={m.role} /> : null}
            </li>
          ))}
        </ul>
      </Panel>
      <Panel id="invitations-heading" title={`Pending invitations (${invitations.length})`}>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">None.</p>
        ) : (
          <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Pending invitations">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm" data-testid="invitation-row">
                <span className="flex items-center gap-2">
                  <span>{i.email ?? "anyone with the link"}</span>
                  <RoleBadge role={i.role} />
                  <span className="text-xs text-slate-600 dark:text-slate-400">expires {utc(i.expiresAt)}</span>
                </span>
                {isOwner ? (
                  <form action={withdrawInvitation}>
                    <input type="hidden" name="invitationId" value={i.id} />
                    <button type="submit" className={dangerButton}>
                      Withdraw<span className="sr-only"> the invitation for {i.email ?? "anyone with the link"}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}

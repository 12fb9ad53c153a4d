"use client";
// Owner controls on the members page: invite someone, change a member's role, remove a member.
import { useActionState } from "react";
import { ROLES } from "@/lib/auth/roles";
import { Field, FormMessage, IDLE, SubmitButton } from "../../login/_components/form-controls";
import { dangerButton, inputClass, secondaryButton } from "../../login/_components/styles";
import { CopySecret } from "../_components/copy-secret";
import { invite, remove, updateRole } from "./actions";

const ROLE_HELP = "Viewers read; members also upload and edit; owners also manage members and API tokens.";

export function InviteForm() {
  const [state, action] = useActionState(invite, IDLE);
  return (
    <div className="space-y-3">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end">
        <Field name="email" label="Email (optional: only this address can accept)" type="email" state={state} />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue="member" className={inputClass}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingText="Creating…">Create invitation link</SubmitButton>
      </form>
      <p className="text-xs text-slate-600 dark:text-slate-400">{ROLE_HELP}</p>
      {state.status === "done" && state.secret ? <CopySecret label="Invitation link" value={state.secret} note={state.message} /> : <FormMessage state={state} />}
    </div>
  );
}

export function MemberControls({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [roleState, roleAction] = useActionState(updateRole, IDLE);
  const [removeState, removeAction] = useActionState(remove, IDLE);
  const message = roleState.status === "error" ? roleState : removeState.status === "error" ? removeState : roleState;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={userId} />
          <label htmlFor={`role-${userId}`} className="sr-only">
            Role of {email}
          </label>
          <select id={`role-${userId}`} name="role" defaultValue={role} className="rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <SubmitButton className={secondaryButton}>Save role</SubmitButton>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton className={dangerButton}>
            Remove<span className="sr-only"> {email}</span>
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={message} />
    </div>
  );
}

"use client";
// Creating an API token: a name and its scopes; the secret is shown once, with a usage example.
import { useActionState } from "react";
import { SCOPES } from "@/lib/auth/roles";
import { Field, FormMessage, IDLE, SubmitButton } from "../../login/_components/form-controls";
import { CopySecret } from "../_components/copy-secret";
import { createToken } from "./actions";

const SCOPE_HELP: Record<(typeof SCOPES)[number], string> = {
  upload: "send logs (POST /api/v1/uploads)",
  read: "read incidents, uploads and logs",
  write: "edit incidents: status, notes, impact, merge and split, postmortems, share links",
};

/** A CI token usually only sends logs and reads the verdict: editing is opt-in. */
const CHECKED_BY_DEFAULT = new Set<string>(["upload", "read"]);

export function CreateTokenForm({ origin }: { origin: string }) {
  const [state, action] = useActionState(createToken, IDLE);
  const scopeError = state.status === "error" ? state.fields.scopes : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3">
        <Field name="name" label="Name" required maxLength={100} placeholder="e.g. GitHub Actions: acme/ledger" state={state} />
        <fieldset aria-describedby={scopeError ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium">Scopes</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {SCOPES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s} defaultChecked={CHECKED_BY_DEFAULT.has(s)} className="h-4 w-4 accent-rose-700" />
                <span>
                  <span className="font-mono">{s}</span>: {SCOPE_HELP[s]}
                </span>
              </label>
            ))}
          </div>
          {scopeError ? (
            <p id="scopes-error" className="mt-1 text-sm text-rose-700 dark:text-rose-400">
              {scopeError}
            </p>
          ) : null}
        </fieldset>
        <SubmitButton pendingText="Creating…">Create token</SubmitButton>
      </form>
      {state.status === "done" && state.secret ? (
        <div className="space-y-2">
          <CopySecret label="New API token" value={state.secret} note={state.message} />
          <p className="text-sm">Use it from CI:</p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-3 font-mono text-xs dark:bg-slate-950">
            {`curl -H "Authorization: Bearer $FAULTLINE_TOKEN" -F file=@build.log ${origin}/api/v1/uploads`}
          </pre>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
    </div>
  );
}

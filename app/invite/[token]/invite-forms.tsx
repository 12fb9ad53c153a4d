"use client";
// Joining a team from an invitation link.
import { useActionState } from "react";
import { Field, FormMessage, IDLE, SubmitButton } from "../../login/_components/form-controls";
import { joinAsCurrentUser, joinWithNewAccount } from "./actions";

export function NewAccountForm({ token, email }: { token: string; email: string | null }) {
  const [state, action] = useActionState(joinWithNewAccount.bind(null, token), IDLE);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field name="name" label="Your name (optional)" autoComplete="name" state={state} />
      {email ? (
        <Field name="email" label="Email" type="email" value={email} readOnly hint="This invitation is for this address." />
      ) : (
        <Field name="email" label="Email" type="email" autoComplete="username" required state={state} />
      )}
      <Field name="password" label="Password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." state={state} />
      <SubmitButton pendingText="Joining…">Create account and join</SubmitButton>
    </form>
  );
}

export function JoinForm({ token, teamName }: { token: string; teamName: string }) {
  const [state, action] = useActionState(joinAsCurrentUser.bind(null, token), IDLE);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <SubmitButton pendingText="Joining…">Join {teamName}</SubmitButton>
    </form>
  );
}

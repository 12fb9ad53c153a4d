"use client";
// The sign-in form: email and password, errors announced to screen readers.
import { useActionState } from "react";
import { login } from "./actions";
import { Field, FormMessage, IDLE, SubmitButton } from "./_components/form-controls";

export function LoginForm({ next }: { next: string }) {
  const [state, action] = useActionState(login, IDLE);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <FormMessage state={state} />
      <Field name="email" label="Email" type="email" autoComplete="username" required autoFocus state={state} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required state={state} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}

"use client";
// The first admin's account and team.
import { useActionState } from "react";
import { Field, FormMessage, IDLE, SubmitButton } from "../login/_components/form-controls";
import { setUp } from "./actions";

export function SetupForm() {
  const [state, action] = useActionState(setUp, IDLE);
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={state} />
      <Field name="name" label="Your name (optional)" autoComplete="name" state={state} />
      <Field name="email" label="Email" type="email" autoComplete="username" required state={state} />
      <Field name="password" label="Password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." state={state} />
      <Field name="teamName" label="Team name" required defaultValue="Platform" hint="You can invite others to this team once you are in." state={state} />
      <SubmitButton pendingText="Creating…">Create the admin account</SubmitButton>
    </form>
  );
}

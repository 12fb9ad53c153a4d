"use client";
// Changing the password (the current one is asked again).
import { useActionState } from "react";
import { Field, FormMessage, IDLE, SubmitButton } from "../login/_components/form-controls";
import { updatePassword } from "./actions";

export function PasswordForm() {
  const [state, action] = useActionState(updatePassword, IDLE);
  return (
    <form action={action} className="max-w-sm space-y-3">
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required state={state} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." state={state} />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}

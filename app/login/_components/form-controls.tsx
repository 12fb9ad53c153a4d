"use client";
// Form building blocks shared by the sign-in, setup, invitation and settings pages.
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/auth/form-state";
import { inputClass, primaryButton } from "./styles";

export const IDLE: FormState = { status: "idle" };

export function Field({
  name,
  label,
  state,
  hint,
  ...input
}: { name: string; label: string; state?: FormState; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const error = state?.status === "error" ? state.fields[name] : undefined;
  const typed = state?.status === "error" ? state.values?.[name] : undefined;
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={inputClass} {...input} {...(typed !== undefined ? { defaultValue: typed } : {})} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pendingText, className = primaryButton }: { children: ReactNode; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  if (state.status === "error") {
    return (
      <p role="alert" className="rounded border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
        {state.message}
      </p>
    );
  }
  if (state.status === "done") {
    return (
      <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
        {state.message}
      </p>
    );
  }
  return null;
}

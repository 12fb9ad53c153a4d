// What account forms show after a failed submit: one message, and per-field messages from validation.
import { ZodError } from "zod";
import { ServiceError } from "../services/errors";

export type FormState =
  | { status: "idle" }
  | { status: "error"; message: string; fields: Record<string, string>; values?: Record<string, string> }
  | { status: "done"; message: string; secret?: string };

/**
 * Expected failures become a form state (with what was typed, except passwords, since React resets
 * the form after an action); anything else is a bug and propagates.
 */
export function failedForm(err: unknown, form?: FormData): FormState {
  const values: Record<string, string> = {};
  for (const [k, v] of form?.entries() ?? []) if (typeof v === "string" && !k.startsWith("$") && !/password/i.test(k)) values[k] = v;
  if (err instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of err.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
    return { status: "error", message: "Please correct the highlighted fields.", fields, values };
  }
  if (err instanceof ServiceError) return { status: "error", message: capitalise(err.message), fields: {}, values };
  throw err;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".");
}

/** Where to go after signing in: only a path on this site (never `//evil.example` or a URL). */
export function safeNextPath(value: unknown): string {
  const s = typeof value === "string" ? value : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") && !/[\r\n]/.test(s) ? s : "/";
}

export function formText(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

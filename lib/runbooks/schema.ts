// What a team may store as its edited runbook (Runbook.body is this, as JSON text), and reading it back.
import { z } from "zod";
import type { RunbookContent } from "./types";

export const LIMITS = {
  title: 200,
  summary: 1000,
  stepText: 2000,
  command: 4000,
  steps: 40,
  when: 10,
} as const;

// Newlines and tabs are fine in commands (multi-line snippets); other control characters are not.
const NO_CONTROL = /^[^\u0000-\u0008\u000b-\u001f\u007f]*$/;
const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;

const trimmed = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`).regex(ONE_LINE, `${what} must be one line without control characters`));

const stepSchema = z.strictObject({
  text: z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "every step needs a text").max(LIMITS.stepText, `step text must be at most ${LIMITS.stepText} characters`).regex(NO_CONTROL, "step text contains control characters")),
  command: z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(/\s+$/, "").replace(/^\n+/, ""))
    .pipe(z.string().max(LIMITS.command, `a command must be at most ${LIMITS.command} characters`).regex(NO_CONTROL, "a command contains control characters"))
    .optional()
    .transform((s) => (s === "" ? undefined : s)),
  when: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, "conditions name fields in lower case")).max(LIMITS.when).optional(),
});

const steps = (what: string) => z.array(stepSchema).max(LIMITS.steps, `${what} may have at most ${LIMITS.steps} steps`);

export const runbookContentSchema = z.strictObject({
  title: trimmed(LIMITS.title, "title"),
  summary: trimmed(LIMITS.summary, "summary"),
  diagnose: steps("diagnose"),
  fix: steps("fix").min(1, "fix needs at least one step"),
  prevent: steps("prevent"),
});

/** Validation result with one readable message per problem (`fix.0.text: every step needs a text`). */
export function validateRunbookContent(input: unknown): { ok: true; value: RunbookContent } | { ok: false; errors: string[] } {
  const r = runbookContentSchema.safeParse(input);
  if (r.success) return { ok: true, value: stripUndefined(r.data) };
  return { ok: false, errors: r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
}

/** A stored body (JSON text) as content, or null when it is not valid JSON or no longer passes the schema. */
export function parseStoredRunbook(body: string): RunbookContent | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const r = validateRunbookContent(json);
  return r.ok ? r.value : null;
}

function stripUndefined(c: z.output<typeof runbookContentSchema>): RunbookContent {
  const step = (s: z.output<typeof stepSchema>) => ({ text: s.text, ...(s.command !== undefined ? { command: s.command } : {}), ...(s.when?.length ? { when: s.when } : {}) });
  return { title: c.title, summary: c.summary, diagnose: c.diagnose.map(step), fix: c.fix.map(step), prevent: c.prevent.map(step) };
}

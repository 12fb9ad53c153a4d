// Filling a runbook's templates with an event's fields. The values come from untrusted logs, so in
// commands every value is shell-quoted for the exact quoting context its placeholder sits in, and a
// value is left out (the `<name>` placeholder stays) wherever it cannot be made inert: a value starting
// with `-` (it would be read as an option), a value longer than MAX_VALUE_LENGTH, and, after the
// template enters a construct this quoting logic does not model (`$(…)`, backticks, heredocs, process
// substitution, `$'…'`), any value with characters beyond a conservative safe set.
import type { EventClass, FieldValue } from "../analysis/types";
import { deriveFields, MAX_VALUE_LENGTH } from "./derive";
import { SECTIONS, type Ecosystem, type RunbookContent, type RunbookStep, type SectionKey } from "./types";

/** A placeholder: `{name}` with a lower-case name, not preceded by `$` (shell `${VAR}`) or `%` (curl `%{var}`). */
export const PLACEHOLDER_RE = /(?<![$%])\{([a-z][a-z0-9_]*)\}/g;

/** Characters that mean nothing to a POSIX shell in any quoting context (no globs, quotes, `$`, `~`, `#`, `!`, braces, spaces). */
const SAFE_VALUE = /^[A-Za-z0-9_@%+=:,./-]+$/;

export interface RenderedStep {
  text: string;
  command?: string;
  /** Placeholders in this step that had no value (shown as `<name>`). */
  missing: string[];
  /** Placeholders whose value was withheld from the command because it could not be made inert. */
  withheld: string[];
  /** The step's `when` condition, kept when rendering with `allSteps` (catalogue view). */
  when?: string[];
}

export interface RenderedRunbook {
  id: string;
  ecosystem: Ecosystem;
  classes: EventClass[];
  title: string;
  summary: string;
  diagnose: RenderedStep[];
  fix: RenderedStep[];
  prevent: RenderedStep[];
  /** Every placeholder without a value, across the runbook. */
  missing: string[];
  /** Event fields plus derived values, as used for filling. */
  values: Record<string, string>;
}

export type RenderableRunbook = RunbookContent & { id: string; ecosystem: Ecosystem; classes: EventClass[] };

export interface RenderOptions {
  /** Keep steps whose `when` fields are missing (to show a whole runbook without an event). */
  allSteps?: boolean;
}

/** Placeholder names used in a template, in order of first use. */
export function placeholdersIn(template: string): string[] {
  const names = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER_RE)) names.add(m[1]);
  return [...names];
}

export function renderRunbook(runbook: RenderableRunbook, fields: Record<string, FieldValue | null | undefined> = {}, options: RenderOptions = {}): RenderedRunbook {
  const values = deriveFields(fields, runbook.ecosystem);
  const allMissing = new Set<string>();
  const fillText = (text: string) => {
    const r = renderText(text, values);
    r.missing.forEach((m) => allMissing.add(m));
    return r.text;
  };
  const section = (steps: RunbookStep[]): RenderedStep[] =>
    steps
      .filter((s) => options.allSteps || !s.when || s.when.every((k) => values[k] !== undefined))
      .map((s) => {
        const text = renderText(s.text, values);
        const out: RenderedStep = { text: text.text, missing: [...text.missing], withheld: [] };
        if (s.command !== undefined) {
          const cmd = renderCommand(s.command, values);
          out.command = cmd.command;
          out.missing = [...new Set([...out.missing, ...cmd.missing])];
          out.withheld = cmd.withheld;
        }
        if (options.allSteps && s.when?.length) out.when = [...s.when];
        out.missing.forEach((m) => allMissing.add(m));
        return out;
      });
  const rendered = {
    id: runbook.id,
    ecosystem: runbook.ecosystem,
    classes: [...runbook.classes],
    title: fillText(runbook.title),
    summary: fillText(runbook.summary),
    values,
  } as Omit<RenderedRunbook, SectionKey | "missing">;
  const sections = Object.fromEntries(SECTIONS.map((k) => [k, section(runbook[k])])) as Record<SectionKey, RenderedStep[]>;
  return { ...rendered, ...sections, missing: [...allMissing] };
}

/** Prose: values go in as plain text (React renders them as text), cut at MAX_VALUE_LENGTH. */
export function renderText(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const out = text.replace(PLACEHOLDER_RE, (_, name: string) => {
    const v = values[name];
    if (v === undefined || v === "") {
      missing.add(name);
      return `<${name}>`;
    }
    return v.length > MAX_VALUE_LENGTH ? `${v.slice(0, MAX_VALUE_LENGTH)}…` : v;
  });
  return { text: out, missing: [...missing] };
}

/** POSIX single-quoting: the value is literal whatever it contains. Safe-charset values stay bare. */
export function shellQuote(value: string): string {
  if (SAFE_VALUE.test(value) && !value.startsWith("-")) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

type QuoteState = "plain" | "single" | "double";

/**
 * Fill a shell command template. A small scanner tracks whether each placeholder sits outside quotes,
 * inside '…' or inside "…" and quotes the value for that context:
 * - outside: `'value'` (single quotes make everything literal; `'` itself becomes `'\''`);
 * - in '…':  the value with each `'` turned into `'\''` (closes, escapes, reopens);
 * - in "…":  `"'value'"` — closes the double quotes, a single-quoted value, reopens them.
 * Values of only SAFE_VALUE characters go in bare in every context.
 */
export function renderCommand(template: string, values: Record<string, string>): { command: string; missing: string[]; withheld: string[] } {
  const missing = new Set<string>();
  const withheld = new Set<string>();
  let state: QuoteState = "plain";
  let strict = false; // the template entered a construct whose quoting we do not model
  let out = "";
  let i = 0;
  const n = template.length;

  const substitute = (name: string): string => {
    const v = values[name];
    if (v === undefined || v === "") {
      missing.add(name);
      return `<${name}>`;
    }
    const safe = SAFE_VALUE.test(v);
    if (v.startsWith("-") || v.length > MAX_VALUE_LENGTH || /[\u0000-\u001f\u007f]/.test(v) || (strict && !safe)) {
      withheld.add(name);
      return `<${name}>`;
    }
    if (safe) return v;
    const sq = v.replace(/'/g, `'\\''`);
    if (state === "single") return sq;
    if (state === "double") return `"'${sq}'"`;
    return `'${sq}'`;
  };

  while (i < n) {
    const ch = template[i];
    const next = template[i + 1];
    if (ch === "{" && template[i - 1] !== "$" && template[i - 1] !== "%") {
      const m = /^\{([a-z][a-z0-9_]*)\}/.exec(template.slice(i, i + 64));
      if (m) {
        out += substitute(m[1]);
        i += m[0].length;
        continue;
      }
    }
    if (state === "single") {
      if (ch === "'") state = "plain";
      out += ch;
      i++;
      continue;
    }
    if (ch === "\\") {
      out += template.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (ch === "$" && next === "{") {
      // Parameter expansion: a plain `${NAME}` is fine; anything fancier is not modelled.
      const close = template.indexOf("}", i + 2);
      const inner = close < 0 ? template.slice(i + 2) : template.slice(i + 2, close);
      if (close < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(inner)) strict = true;
      const end = close < 0 ? n : close + 1;
      out += template.slice(i, end);
      i = end;
      continue;
    }
    if (state === "plain" && ch === "#" && (i === 0 || /[\s;&|()]/.test(template[i - 1]))) {
      // A comment runs to the end of the line; quotes in it (`it's`) do not open anything. Values in it
      // are still quoted, and cleaned values contain no newline that could end the comment.
      const eol = template.indexOf("\n", i);
      const end = eol < 0 ? n : eol;
      out += template.slice(i, end).replace(PLACEHOLDER_RE, (_, name: string) => substitute(name));
      i = end;
      continue;
    }
    if (ch === "`" || (ch === "$" && (next === "(" || next === "'"))) strict = true;
    if (state === "double") {
      if (ch === '"') state = "plain";
    } else {
      if (ch === "'") state = "single";
      else if (ch === '"') state = "double";
      else if ((ch === "<" && (next === "<" || next === "(")) || (ch === ">" && next === "(")) strict = true;
    }
    out += ch;
    i++;
  }
  return { command: out, missing: [...missing], withheld: [...withheld] };
}

// Decoding the runbook edit form (app/runbooks/[key]) into content for updateRunbook. Field names:
// `title`, `summary`, `<section>.<n>.text`, `<section>.<n>.command`, `<section>.<n>.when` (comma-separated
// field names). Steps keep the order of <n>; a step left completely empty is dropped.
import { SECTIONS, type SectionKey } from "./types";

interface Entries {
  get(name: string): unknown;
  keys(): Iterable<string>;
}

const STEP_FIELD = /^(diagnose|fix|prevent)\.(\d{1,3})\.(text|command|when)$/;

export function runbookFromForm(form: Entries): { title: string; summary: string } & Record<SectionKey, { text: string; command?: string; when?: string[] }[]> {
  const str = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const indexes: Record<SectionKey, Set<number>> = { diagnose: new Set(), fix: new Set(), prevent: new Set() };
  for (const name of form.keys()) {
    const m = STEP_FIELD.exec(name);
    if (m) indexes[m[1] as SectionKey].add(Number(m[2]));
  }
  const section = (key: SectionKey) =>
    [...indexes[key]]
      .sort((a, b) => a - b)
      .map((i) => {
        const text = str(`${key}.${i}.text`);
        const command = str(`${key}.${i}.command`);
        const when = str(`${key}.${i}.when`)
          .split(/[\s,]+/)
          .filter(Boolean);
        return { text, ...(command.trim() ? { command } : {}), ...(when.length ? { when } : {}) };
      })
      .filter((s) => s.text.trim() !== "" || s.command !== undefined);
  return {
    title: str("title"),
    summary: str("summary"),
    ...(Object.fromEntries(SECTIONS.map((k) => [k, section(k)])) as Record<SectionKey, { text: string; command?: string; when?: string[] }[]>),
  };
}

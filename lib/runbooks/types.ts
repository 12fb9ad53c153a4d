// Runbooks are data: what to check, what to run and how to stop it from happening again, per failure.
// Commands are shell templates with `{placeholder}` slots (lower-case names) that renderRunbook() fills
// from the event's fields, shell-quoted. `${VAR}` is shell syntax, never a placeholder.
import type { EventClass } from "../analysis/types";

export const ECOSYSTEMS = ["go", "npm", "pip", "git", "containers", "jvm", "cargo", "postgres", "node", "network", "strace", "generic"] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

export const ECOSYSTEM_LABELS: Record<Ecosystem, string> = {
  go: "Go modules and toolchain",
  npm: "npm",
  pip: "pip / Python packaging",
  git: "Git and SSH",
  containers: "Docker and Kubernetes",
  jvm: "JVM (Maven / Gradle)",
  cargo: "Cargo / Rust",
  postgres: "PostgreSQL",
  node: "Node.js",
  network: "Network",
  strace: "strace",
  generic: "Generic (fallbacks per error class)",
};

export const SECTIONS = ["diagnose", "fix", "prevent"] as const;
export type SectionKey = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = { diagnose: "Diagnose", fix: "Fix", prevent: "Prevent" };

export interface RunbookStep {
  /** What to do and why, one or two sentences. May contain `{placeholder}`s (filled as plain text). */
  text: string;
  /** A shell command template; `{placeholder}`s are filled shell-quoted. */
  command?: string;
  /** Only shown when all of these fields are known (after derivation); shown everywhere when absent. */
  when?: string[];
}

/** The editable part of a runbook: what a team may change. */
export interface RunbookContent {
  title: string;
  /** One line explaining the failure. */
  summary: string;
  diagnose: RunbookStep[];
  fix: RunbookStep[];
  prevent: RunbookStep[];
}

export interface Runbook extends RunbookContent {
  /** Stable key: the analyzer's runbookId, `<runbookId>.<class-with-dashes>` for a class variant. */
  id: string;
  ecosystem: Ecosystem;
  /** Event classes this runbook is written for. */
  classes: EventClass[];
  /** Other keys resolving to this runbook (variants of a catch-all rule id that need the same steps). */
  aliases?: string[];
}

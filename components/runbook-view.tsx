// A rendered runbook: title, one-line summary, then Diagnose / Fix / Prevent with copyable commands.
// Presentational: the caller renders the runbook (lib/runbooks renderRunbook) with the event's fields.
// All text, including values from logs, is rendered as React text.
import Link from "next/link";
import type { RenderedRunbook, RenderedStep } from "@/lib/runbooks/render";
import { SECTION_LABELS, SECTIONS, type SectionKey } from "@/lib/runbooks/types";
import { RunbookActionItemButton, type RunbookActionItemDraft } from "./runbook-action-item-button";
import { RunbookCopyButton } from "./runbook-copy-button";

export type { RunbookActionItemDraft } from "./runbook-action-item-button";

export interface RunbookViewProps {
  runbook: RenderedRunbook;
  /** Heading level of the runbook title; sections use the next level. */
  headingLevel?: 2 | 3;
  /** Makes fix/prevent steps offer "Make this an action item" calling this (client callback or server action). */
  onMakeActionItem?: (draft: RunbookActionItemDraft) => void | Promise<void>;
  /** Or links there instead, with `title`, `type`, `runbook` (and `command`) as query parameters. */
  actionItemHref?: string;
  /** Prefix for element ids, when several runbooks are on one page. */
  idPrefix?: string;
}

const SECTION_HINT: Record<SectionKey, string> = {
  diagnose: "Confirm the cause before changing anything.",
  fix: "Get the build green again.",
  prevent: "Stop it from happening again.",
};

export function RunbookView({ runbook, headingLevel = 2, onMakeActionItem, actionItemHref, idPrefix = "runbook" }: RunbookViewProps) {
  const Title = headingLevel === 2 ? "h2" : "h3";
  const Section = headingLevel === 2 ? "h3" : "h4";
  const titleId = `${idPrefix}-title`;
  return (
    <section aria-labelledby={titleId} data-testid="runbook" data-runbook-id={runbook.id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <header className="space-y-1">
        <Title id={titleId} className="text-lg font-semibold break-words">
          {runbook.title}
        </Title>
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="runbook-summary">
          <RunbookText text={runbook.summary} />
        </p>
      </header>
      {SECTIONS.map((key) =>
        runbook[key].length === 0 ? null : (
          <section key={key} aria-labelledby={`${idPrefix}-${key}`} className="space-y-2">
            <div className="flex items-baseline gap-2">
              <Section id={`${idPrefix}-${key}`} className="font-semibold">
                {SECTION_LABELS[key]}
              </Section>
              <span className="text-xs text-slate-600 dark:text-slate-400">{SECTION_HINT[key]}</span>
            </div>
            <ol className="list-decimal space-y-3 pl-6 marker:text-slate-500">
              {runbook[key].map((step, i) => (
                <StepItem
                  key={i}
                  step={step}
                  id={`${idPrefix}-${key}-${i}`}
                  section={key}
                  runbookId={runbook.id}
                  onMakeActionItem={onMakeActionItem}
                  actionItemHref={actionItemHref}
                />
              ))}
            </ol>
          </section>
        ),
      )}
    </section>
  );
}

function StepItem({
  step,
  id,
  section,
  runbookId,
  onMakeActionItem,
  actionItemHref,
}: {
  step: RenderedStep;
  id: string;
  section: SectionKey;
  runbookId: string;
  onMakeActionItem?: RunbookViewProps["onMakeActionItem"];
  actionItemHref?: string;
}) {
  const draft: RunbookActionItemDraft | null =
    section === "diagnose" ? null : { runbookId, section, type: section === "fix" ? "mitigate" : "prevent", title: step.text, ...(step.command ? { command: step.command } : {}) };
  const textId = `${id}-text`;
  return (
    <li className="space-y-1.5" data-testid="runbook-step">
      <p id={textId} className="text-sm">
        <RunbookText text={step.text} />
        {step.when?.length ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(shown when {step.when.join(", ")} known)</span> : null}
      </p>
      {step.command ? (
        <div className="flex items-start gap-2">
          <pre
            tabIndex={0}
            id={`${id}-command`}
            data-testid="runbook-command"
            className="min-w-0 flex-1 overflow-x-auto rounded bg-slate-100 px-3 py-2 font-mono text-xs leading-relaxed text-slate-900 focus-visible:outline-2 focus-visible:outline-rose-600 dark:bg-slate-950 dark:text-slate-100"
          >
            <code>{step.command}</code>
          </pre>
          <RunbookCopyButton text={step.command} describedBy={textId} />
        </div>
      ) : null}
      {step.missing.length > 0 ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Fill in before running: {step.missing.map((m) => `<${m}>`).join(", ")}
        </p>
      ) : null}
      {step.withheld.length > 0 ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Not filled in because the value from the log is not safe to paste into a shell: {step.withheld.map((m) => `<${m}>`).join(", ")}. Check it in the evidence lines.
        </p>
      ) : null}
      {draft && onMakeActionItem ? <RunbookActionItemButton draft={draft} onMakeActionItem={onMakeActionItem} describedBy={textId} /> : null}
      {draft && !onMakeActionItem && actionItemHref ? (
        <Link
          href={actionItemLink(actionItemHref, draft)}
          aria-describedby={textId}
          className="inline-block rounded px-2 py-1 text-xs font-medium text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 dark:text-rose-400"
        >
          Make this an action item
        </Link>
      ) : null}
    </li>
  );
}

/** Prose with `backtick` spans shown as inline code (as React text: nothing in it is interpreted as HTML). */
export function RunbookText({ text }: { text: string }) {
  const parts = text.split("`");
  if (parts.length < 3) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 && i < parts.length - 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">
            {part}
          </code>
        ) : (
          <span key={i}>{i % 2 === 1 ? `\`${part}` : part}</span>
        ),
      )}
    </>
  );
}

function actionItemLink(base: string, draft: RunbookActionItemDraft): string {
  const params = new URLSearchParams({ title: draft.title, type: draft.type, runbook: draft.runbookId });
  if (draft.command) params.set("command", draft.command);
  const [path, hash] = base.split("#", 2);
  return `${path}${path.includes("?") ? "&" : "?"}${params.toString()}${hash !== undefined ? `#${hash}` : ""}`;
}

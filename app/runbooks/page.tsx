// Runbooks: every built-in runbook, grouped by ecosystem, with the team's edits applied.
import type { Metadata } from "next";
import Link from "next/link";
import { ClassBadge } from "@/components/class-badge";
import { RunbookText } from "@/components/runbook-view";
import { currentCaller } from "@/lib/http/authenticate";
import { runbooksByEcosystem } from "@/lib/runbooks";
import { renderText } from "@/lib/runbooks/render";
import { ECOSYSTEM_LABELS } from "@/lib/runbooks/types";
import { listRunbooks } from "@/lib/services/list-runbooks";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Runbooks" };

export default async function RunbooksPage() {
  const caller = await currentCaller();
  const runbooks = await listRunbooks({ teamId: caller.teamId });
  const groups = runbooksByEcosystem(runbooks);
  const edited = runbooks.filter((r) => r.edited).length;
  return (
    <section className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Runbooks</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          What to check, what to run and how to prevent it, for every failure Faultline recognises. Incidents fill the failing module, version,
          host or path into the commands. {runbooks.length} runbooks{edited ? `, ${edited} edited by your team` : ""}.
        </p>
      </header>
      <nav aria-label="Ecosystems" className="flex flex-wrap gap-2 text-sm">
        {groups.map((g) => (
          <a key={g.ecosystem} href={`#eco-${g.ecosystem}`} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-700 dark:hover:bg-slate-800">
            {ECOSYSTEM_LABELS[g.ecosystem]}
          </a>
        ))}
      </nav>
      {groups.map((g) => (
        <section key={g.ecosystem} id={`eco-${g.ecosystem}`} aria-labelledby={`eco-${g.ecosystem}-heading`} className="space-y-2">
          <h2 id={`eco-${g.ecosystem}-heading`} className="text-lg font-semibold">
            {ECOSYSTEM_LABELS[g.ecosystem]}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
            {g.runbooks.map((rb) => (
              <li key={rb.key} className="space-y-1 p-3" data-testid="runbook-row">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/runbooks/${encodeURIComponent(rb.key)}`} className="font-medium text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-rose-400">
                    {renderText(rb.title, {}).text}
                  </Link>
                  {rb.edited ? <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200">edited</span> : null}
                  {rb.classes.map((c) => (
                    <ClassBadge key={c} cls={c} />
                  ))}
                  <span className="font-mono text-xs text-slate-600 dark:text-slate-400">{rb.key}</span>
                </div>
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  <RunbookText text={renderText(rb.summary, {}).text} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

// One runbook: its steps (with placeholders, or filled with example values), the placeholders it uses,
// and the team's editor.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClassBadge } from "@/components/class-badge";
import { RunbookEditForm } from "@/components/runbook-edit-form";
import { RunbookView } from "@/components/runbook-view";
import { currentCaller } from "@/lib/http/authenticate";
import { exampleFields, PLACEHOLDERS } from "@/lib/runbooks/placeholders";
import { placeholdersIn, renderRunbook, renderText } from "@/lib/runbooks/render";
import { ECOSYSTEM_LABELS, SECTIONS } from "@/lib/runbooks/types";
import { NotFoundError } from "@/lib/services/errors";
import { getRunbook, type RunbookView as RunbookData } from "@/lib/services/get-runbook";
import { saveRunbook } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ key: string }>; searchParams: Promise<{ example?: string | string[] }> };

async function load(key: string): Promise<RunbookData> {
  const caller = await currentCaller();
  try {
    return await getRunbook({ teamId: caller.teamId, key: decodeURIComponent(key) });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const rb = await load((await params).key);
  return { title: `Runbook: ${renderText(rb.title, {}).text}` };
}

export default async function RunbookPage({ params, searchParams }: Props) {
  const rb = await load((await params).key);
  const example = (await searchParams).example === "1";
  const fields = example ? exampleFields(rb.ecosystem) : {};
  const rendered = renderRunbook(rb, fields, { allSteps: true });
  const used = [...new Set([rb.title, rb.summary, ...SECTIONS.flatMap((s) => rb[s].flatMap((st) => [st.text, st.command ?? ""]))].flatMap(placeholdersIn))];
  const self = `/runbooks/${encodeURIComponent(rb.key)}`;
  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/runbooks" className="text-rose-700 underline underline-offset-2 dark:text-rose-400">
          Runbooks
        </Link>{" "}
        <span aria-hidden="true">/</span> <span className="font-mono">{rb.key}</span>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold break-words">{renderText(rb.title, {}).text}</h1>
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <span>{ECOSYSTEM_LABELS[rb.ecosystem]}</span>
          {rb.classes.map((c) => (
            <ClassBadge key={c} cls={c} />
          ))}
          {rb.edited && rb.updatedAt ? (
            <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200">
              edited by your team · {rb.updatedAt.replace("T", " ").slice(0, 16)} UTC
            </span>
          ) : (
            <span className="text-xs">built-in</span>
          )}
        </div>
      </header>

      <section aria-labelledby="preview-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="preview-heading" className="text-lg font-semibold">
            {example ? "Preview with example values" : "Steps (placeholders shown as <name>)"}
          </h2>
          <Link href={example ? self : `${self}?example=1`} className="text-sm text-rose-700 underline underline-offset-2 dark:text-rose-400">
            {example ? "Show placeholders" : "Preview with example values"}
          </Link>
        </div>
        <RunbookView runbook={rendered} headingLevel={3} idPrefix="preview" />
      </section>

      {used.length > 0 ? (
        <section aria-labelledby="placeholders-heading" className="space-y-2">
          <h2 id="placeholders-heading" className="text-lg font-semibold">Placeholders</h2>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Placeholders used by this runbook and what fills them</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
                <th scope="col" className="py-2 pr-3 font-medium">Placeholder</th>
                <th scope="col" className="py-2 pr-3 font-medium">Filled with</th>
                {example ? <th scope="col" className="py-2 font-medium">Example</th> : null}
              </tr>
            </thead>
            <tbody>
              {used.map((name) => (
                <tr key={name} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                  <td className="py-1.5 pr-3 font-mono text-xs">{`{${name}}`}</td>
                  <td className="py-1.5 pr-3">{PLACEHOLDERS[name] ?? "an event field of this name"}</td>
                  {example ? <td className="py-1.5 font-mono text-xs break-all">{rendered.values[name] ?? "—"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="edit-heading" className="space-y-3">
        <h2 id="edit-heading" className="text-lg font-semibold">Edit for your team</h2>
        <RunbookEditForm
          initial={{ title: rb.title, summary: rb.summary, diagnose: rb.diagnose, fix: rb.fix, prevent: rb.prevent }}
          action={saveRunbook.bind(null, rb.key)}
        />
      </section>
    </article>
  );
}

"use client";
// The postmortem page's working area: the document's sections as text fields, action items and the UTC
// timeline, with the quality checks, export and share links beside it. Printing shows the document
// alone (PostmortemDocumentView), as it stands in the editor.
import { useCallback, useEffect, useMemo, useState, useTransition, type ReactNode } from "react";
import { LESSON_SECTIONS, PROSE_SECTIONS, type PostmortemDocument, type TPostmortemContent } from "@/lib/postmortem/content";
import { splitLinks } from "@/lib/postmortem/evidence";
import { checkPostmortemQuality } from "@/lib/postmortem/quality";
import { formatUtc } from "@/lib/postmortem/utc";
import type { ShareLinkView } from "@/lib/services/list-share-links";
import { PostmortemActionItems, type ActionItemChanges } from "./postmortem-action-items";
import { PostmortemDocumentView } from "./postmortem-document";
import { PostmortemQuality } from "./postmortem-quality";
import { PostmortemTimelineEditor } from "./postmortem-timeline-editor";
import { ShareLinksPanel } from "./share-links-panel";

type Result<T = object> = ({ status: "ok" } & T) | { status: "error"; message: string; conflict?: boolean };

export interface PostmortemEditorActions {
  save: (save: { content: TPostmortemContent; baseUpdatedAt: string | null }) => Promise<Result<{ updatedAt: string }>>;
  addActionItem: (item: { title: string; owner?: string; type?: "mitigate" | "prevent"; trackerUrl?: string }) => Promise<Result>;
  updateActionItem: (id: string, changes: ActionItemChanges) => Promise<Result>;
  createShareLink: (options: { expiresInDays: number | null }) => Promise<Result<{ url: string; expiresAt: string | null }>>;
  revokeShareLink: (linkId: string) => Promise<Result>;
}

const textarea =
  "block min-h-20 w-full resize-y rounded border border-slate-300 bg-white px-3 py-2 text-sm leading-relaxed text-slate-900 [field-sizing:content] focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100";
const primaryButton =
  "rounded bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:bg-slate-300 disabled:text-slate-700 dark:bg-rose-600 dark:hover:bg-rose-500 dark:disabled:bg-slate-700 dark:disabled:text-slate-200";
const card = "space-y-2 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";
const button =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`pm-${id}`} className={card}>
      <h2 id={`pm-${id}`} className="text-lg font-semibold">
        {title}
      </h2>
      {hint ? (
        <p id={`pm-${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {children}
    </section>
  );
}

/** A section's text; labelled by the section's heading (`pm-<id>`), described by its hint when it has one. */
function TextField({ id, hasHint = false, value, onChange }: { id: string; hasHint?: boolean; value: string; onChange: (v: string) => void }) {
  return (
    <textarea
      id={`pm-${id}-text`}
      aria-labelledby={`pm-${id}`}
      aria-describedby={hasHint ? `pm-${id}-hint` : undefined}
      className={textarea}
      value={value}
      maxLength={20_000}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function PostmortemEditor({ doc, shareLinks, canEdit, markdownHref, actions }: { doc: PostmortemDocument; shareLinks: ShareLinkView[]; canEdit: boolean; markdownHref: string; actions: PostmortemEditorActions }) {
  const [content, setContent] = useState(doc.content);
  const [saved, setSaved] = useState({ content: doc.content, updatedAt: doc.updatedAt });
  const [message, setMessage] = useState<{ ok: boolean; text: string; conflict?: boolean } | null>(null);
  const [saving, startSaving] = useTransition();
  const dirty = useMemo(() => JSON.stringify(content) !== JSON.stringify(saved.content), [content, saved.content]);
  const unsavedDraft = saved.updatedAt === null;
  const checks = useMemo(() => checkPostmortemQuality({ content, actionItems: doc.actionItems }), [content, doc.actionItems]);

  const save = useCallback(
    () =>
      new Promise<boolean>((resolve) =>
        startSaving(async () => {
          const r = await actions.save({ content, baseUpdatedAt: saved.updatedAt });
          if (r.status === "ok") {
            setSaved({ content, updatedAt: r.updatedAt });
            setMessage({ ok: true, text: `Saved at ${formatUtc(r.updatedAt)}.` });
            resolve(true);
          } else {
            setMessage({ ok: false, text: r.message, conflict: r.conflict });
            resolve(false);
          }
        }),
      ),
    [actions, content, saved.updatedAt],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s" && canEdit) {
        e.preventDefault();
        void save();
      }
    };
    const onLeave = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("beforeunload", onLeave);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("beforeunload", onLeave);
    };
  }, [save, dirty, canEdit]);

  const setProse = (key: (typeof PROSE_SECTIONS)[number]["key"]) => (v: string) => setContent((c) => ({ ...c, [key]: v }));
  const status = saving
    ? "Saving…"
    : dirty
      ? "Unsaved changes"
      : unsavedDraft
        ? "Draft written from the incident's data, not saved yet"
        : `Saved ${formatUtc(saved.updatedAt!)}`;
  const evidenceLinks = splitLinks(content.rootCause).filter((p) => p.kind === "link");

  return (
    <>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] print:hidden">
        {canEdit ? (
          <div className="space-y-4">
            <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-3 rounded-b-lg border-b border-slate-200 bg-slate-50/95 px-1 py-2 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
              <button type="button" onClick={() => void save()} disabled={saving || (!dirty && !unsavedDraft)} className={primaryButton}>
                {unsavedDraft && !dirty ? "Save draft" : "Save"}
              </button>
              <span className="text-sm text-slate-700 dark:text-slate-300" data-testid="pm-save-state">
                {status}
              </span>
              <span role="status" aria-live="polite" className={`text-sm ${message?.ok ? "text-emerald-800 dark:text-emerald-300" : "text-rose-800 dark:text-rose-300"}`}>
                {message && !message.ok ? message.text : ""}
                {message?.conflict ? (
                  <>
                    {" "}
                    <a href="" className="underline">
                      Reload
                    </a>
                  </>
                ) : null}
              </span>
            </div>

            {PROSE_SECTIONS.map((s) => (
              <Section key={s.key} id={s.key} title={s.label} hint={s.hint}>
                <TextField id={s.key} hasHint value={content[s.key]} onChange={setProse(s.key)} />
                {s.key === "rootCause" && evidenceLinks.length ? (
                  <p className="text-xs text-slate-700 dark:text-slate-300">
                    Evidence:{" "}
                    {evidenceLinks.map((l, i) =>
                      l.kind === "link" ? (
                        <a key={i} href={l.href} className="mr-2 text-rose-700 underline underline-offset-2 dark:text-rose-400">
                          {l.label}
                        </a>
                      ) : null,
                    )}
                  </p>
                ) : null}
              </Section>
            ))}

            <Section id="action-items" title="Action items" hint="Each needs an owner and a type: mitigate (limits this incident) or prevent (stops the next one). Saved one by one.">
              <PostmortemActionItems items={doc.actionItems} onAdd={actions.addActionItem} onSave={actions.updateActionItem} />
            </Section>

            <Section id="lessons" title="Lessons learned">
              {LESSON_SECTIONS.map((s) => (
                <div key={s.key} className="space-y-1">
                  <h3 id={`pm-${s.key}`} className="text-sm font-semibold">
                    {s.label}
                  </h3>
                  <TextField id={s.key} value={content.lessons[s.key]} onChange={(v) => setContent((c) => ({ ...c, lessons: { ...c.lessons, [s.key]: v } }))} />
                </div>
              ))}
            </Section>

            <Section id="timeline" title="Timeline (UTC)" hint="Every entry needs a UTC time, e.g. 2026-11-20 14:03 UTC.">
              <PostmortemTimelineEditor rows={content.timeline} onChange={(timeline) => setContent((c) => ({ ...c, timeline }))} />
            </Section>
          </div>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900">
            <PostmortemDocumentView doc={doc} idPrefix="read" showTitle={false} />
          </div>
        )}
        <aside className="space-y-4" aria-label="Checks, export and sharing">
          <PostmortemQuality checks={checks} />
          <section aria-labelledby="export-heading" className={card}>
            <h2 id="export-heading" className="font-semibold">
              Export
            </h2>
            <div className="flex flex-wrap gap-2">
              <a
                href={markdownHref}
                download
                className={button}
                onClick={async (e) => {
                  if (!dirty || !canEdit) return;
                  e.preventDefault();
                  if (await save()) window.location.assign(markdownHref);
                }}
              >
                Download Markdown
              </a>
              <button type="button" className={button} onClick={() => window.print()}>
                Print or save as PDF
              </button>
            </div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {canEdit ? "Downloading saves your changes first. " : ""}Secrets in log text are redacted in the Markdown file.
            </p>
          </section>
          {canEdit ? <ShareLinksPanel links={shareLinks} onCreate={actions.createShareLink} onRevoke={actions.revokeShareLink} /> : null}
        </aside>
      </div>
      <div className="hidden print:block">
        <PostmortemDocumentView doc={{ ...doc, content, updatedAt: saved.updatedAt }} idPrefix="print" />
      </div>
    </>
  );
}

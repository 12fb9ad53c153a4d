"use client";
// The postmortem's action items, editable in place: title, owner, type (mitigate/prevent), status and
// tracker link, saved per row; and a row to add one. The page passes the server actions.
import { useState, useTransition, type FormEvent } from "react";
import type { PostmortemActionItem } from "@/lib/postmortem/content";

type Result = { status: "ok" } | { status: "error"; message: string };
export type ActionItemChanges = { title?: string; owner?: string; type?: "mitigate" | "prevent" | null; status?: "open" | "in_progress" | "done"; trackerUrl?: string };

const input =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 dark:[color-scheme:dark]";
const label = "block text-xs font-medium text-slate-700 dark:text-slate-300";
const button =
  "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";

type Draft = { title: string; owner: string; type: "" | "mitigate" | "prevent"; status: PostmortemActionItem["status"]; trackerUrl: string };

function toDraft(a: PostmortemActionItem): Draft {
  return { title: a.title, owner: a.owner ?? "", type: a.type ?? "", status: a.status, trackerUrl: a.trackerUrl ?? "" };
}

function ItemFields({ id, draft, set, showStatus = true }: { id: string; draft: Draft; set: (d: Draft) => void; showStatus?: boolean }) {
  return (
    <div className="grid gap-2 sm:grid-cols-[2fr_1fr_8rem_8rem]">
      <div className="sm:col-span-4">
        <label htmlFor={`${id}-title`} className={label}>Action</label>
        <input id={`${id}-title`} className={input} value={draft.title} maxLength={500} required onChange={(e) => set({ ...draft, title: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-tracker`} className={label}>Tracker link</label>
        <input id={`${id}-tracker`} type="url" className={input} value={draft.trackerUrl} placeholder="https://…" onChange={(e) => set({ ...draft, trackerUrl: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-owner`} className={label}>Owner</label>
        <input id={`${id}-owner`} className={input} value={draft.owner} maxLength={200} placeholder="team or person" onChange={(e) => set({ ...draft, owner: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-type`} className={label}>Type</label>
        <select id={`${id}-type`} className={input} value={draft.type} onChange={(e) => set({ ...draft, type: e.target.value as Draft["type"] })}>
          <option value="">Not set</option>
          <option value="mitigate">Mitigate</option>
          <option value="prevent">Prevent</option>
        </select>
      </div>
      {showStatus ? (
      <div>
        <label htmlFor={`${id}-status`} className={label}>Status</label>
        <select id={`${id}-status`} className={input} value={draft.status} onChange={(e) => set({ ...draft, status: e.target.value as Draft["status"] })}>
          <option value="open">Open</option>
          <option value="in_progress">In progress</option>
          <option value="done">Done</option>
        </select>
      </div>
      ) : null}
    </div>
  );
}

function ItemRow({ item, index, onSave }: { item: PostmortemActionItem; index: number; onSave: (id: string, changes: ActionItemChanges) => Promise<Result> }) {
  const [draft, setDraft] = useState(() => toDraft(item));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const saved = toDraft(item);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await onSave(item.id, { ...draft, type: draft.type || null });
      setMessage(r.status === "ok" ? { ok: true, text: "Saved." } : { ok: false, text: r.message });
    });
  };
  return (
    <li>
      <form onSubmit={submit} aria-label={`Action item ${index + 1}`} data-testid="pm-action-item" className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
        <ItemFields id={`ai-${item.id}`} draft={draft} set={(d) => (setMessage(null), setDraft(d))} />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={!dirty || pending} className={button}>
            {pending ? "Saving…" : "Save action item"}
          </button>
          {dirty ? (
            <button type="button" onClick={() => setDraft(saved)} className="text-sm text-slate-700 underline-offset-2 hover:underline dark:text-slate-300">
              Undo changes
            </button>
          ) : null}
          <span role="status" className={`text-xs ${message?.ok ? "text-emerald-800 dark:text-emerald-300" : "text-rose-800 dark:text-rose-300"}`}>
            {message?.text ?? ""}
          </span>
        </div>
      </form>
    </li>
  );
}

const EMPTY: Draft = { title: "", owner: "", type: "", status: "open", trackerUrl: "" };

export function PostmortemActionItems({
  items,
  onAdd,
  onSave,
}: {
  items: PostmortemActionItem[];
  onAdd: (item: { title: string; owner?: string; type?: "mitigate" | "prevent"; trackerUrl?: string }) => Promise<Result>;
  onSave: (id: string, changes: ActionItemChanges) => Promise<Result>;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const add = (e: FormEvent) => {
    e.preventDefault();
    start(async () => {
      const r = await onAdd({
        title: draft.title,
        ...(draft.owner.trim() ? { owner: draft.owner } : {}),
        ...(draft.type ? { type: draft.type } : {}),
        ...(draft.trackerUrl.trim() ? { trackerUrl: draft.trackerUrl.trim() } : {}),
      });
      if (r.status === "ok") {
        setDraft(EMPTY);
        setError(null);
      } else setError(r.message);
    });
  };
  return (
    <div className="space-y-3">
      {items.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No action items yet. Add what mitigates this incident and what prevents the next one.</p> : null}
      <ol className="space-y-3">
        {items.map((item, i) => (
          <ItemRow key={item.id} item={item} index={i} onSave={onSave} />
        ))}
      </ol>
      <form onSubmit={add} aria-label="New action item" className="space-y-2 rounded border border-dashed border-slate-300 p-3 dark:border-slate-700">
        <p className="text-sm font-medium">Add an action item</p>
        <ItemFields id="ai-new" draft={draft} set={setDraft} showStatus={false} />
        <div className="flex items-center gap-3">
          <button type="submit" disabled={pending || !draft.title.trim()} className={button}>
            {pending ? "Adding…" : "Add action item"}
          </button>
          <span role="status" className="text-xs text-rose-800 dark:text-rose-300">{error ?? ""}</span>
        </div>
      </form>
    </div>
  );
}

"use client";
// Share links of a postmortem: create one (optionally expiring), copy it once, see and revoke the
// existing ones. The page passes the server actions; tokens are only ever shown right after creation.
import { useState, useTransition } from "react";
import type { ShareLinkView } from "@/lib/services/list-share-links";
import { formatUtc } from "@/lib/postmortem/utc";
import { ShareCopyButton } from "./share-copy-button";

type Result<T = object> = ({ status: "ok" } & T) | { status: "error"; message: string };

const button =
  "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700";
const STATE_TONE: Record<ShareLinkView["state"], string> = {
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100",
  expired: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
  revoked: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
};

export function ShareLinksPanel({
  links,
  onCreate,
  onRevoke,
}: {
  links: ShareLinkView[];
  onCreate: (options: { expiresInDays: number | null }) => Promise<Result<{ url: string; expiresAt: string | null }>>;
  onRevoke: (linkId: string) => Promise<Result>;
}) {
  const [expiry, setExpiry] = useState("");
  const [created, setCreated] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const active = links.filter((l) => l.state === "active");

  return (
    <section aria-labelledby="share-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900" data-testid="share-panel">
      <h2 id="share-heading" className="font-semibold">
        Share links
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Anyone with a link can read this postmortem without signing in (the last saved version, secrets redacted) until the link is revoked or expires.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="share-expiry" className="block text-xs font-medium text-slate-700 dark:text-slate-300">
            Expires
          </label>
          <select
            id="share-expiry"
            value={expiry}
            onChange={(e) => setExpiry(e.target.value)}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
          >
            <option value="">Never (until revoked)</option>
            <option value="1">In 1 day</option>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
          </select>
        </div>
        <button
          type="button"
          disabled={pending}
          className={button}
          onClick={() =>
            start(async () => {
              const r = await onCreate({ expiresInDays: expiry ? Number(expiry) : null });
              if (r.status === "ok") {
                setCreated({ url: r.url, expiresAt: r.expiresAt });
                setMessage(null);
              } else setMessage(r.message);
            })
          }
        >
          {pending ? "Working…" : "Create share link"}
        </button>
      </div>
      {created ? (
        <div className="space-y-1 rounded border border-emerald-300 bg-emerald-50 p-2 dark:border-emerald-800 dark:bg-emerald-950/40" data-testid="share-created">
          <label htmlFor="share-url" className="block text-xs font-medium text-emerald-950 dark:text-emerald-100">
            New link{created.expiresAt ? `, expires ${formatUtc(created.expiresAt)}` : ""}. Copy it now: it is not shown again.
          </label>
          <div className="flex gap-2">
            <input id="share-url" readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100" />
            <ShareCopyButton text={created.url} />
          </div>
        </div>
      ) : null}
      <p role="status" className="text-xs text-rose-800 dark:text-rose-300">{message ?? ""}</p>
      {links.length ? (
        <ul className="space-y-2 text-sm" aria-label="Existing share links" data-testid="share-links">
          {links.map((l) => (
            <li key={l.id} className="flex flex-wrap items-center gap-2" data-state={l.state}>
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium capitalize ${STATE_TONE[l.state]}`}>{l.state}</span>
              <span className="text-xs text-slate-700 dark:text-slate-300">
                created {formatUtc(l.createdAt)}
                {l.state === "revoked" && l.revokedAt ? ` · revoked ${formatUtc(l.revokedAt)}` : l.expiresAt ? ` · ${l.state === "expired" ? "expired" : "expires"} ${formatUtc(l.expiresAt)}` : ""}
              </span>
              {l.state === "active" ? (
                <button
                  type="button"
                  disabled={pending}
                  aria-label={`Revoke the link created ${formatUtc(l.createdAt)}`}
                  className="ml-auto rounded px-2 py-0.5 text-xs font-medium text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 disabled:opacity-50 dark:text-rose-400"
                  onClick={() =>
                    start(async () => {
                      const r = await onRevoke(l.id);
                      setMessage(r.status === "ok" ? null : r.message);
                      if (r.status === "ok" && active.length === 1) setCreated(null);
                    })
                  }
                >
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

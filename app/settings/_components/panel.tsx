// A titled section of a settings page.
import type { ReactNode } from "react";

export function Panel({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="space-y-1">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <div className="text-sm text-slate-600 dark:text-slate-400">{description}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function RoleBadge({ role }: { role: string }) {
  const tone =
    role === "owner"
      ? "bg-rose-100 text-rose-900 dark:bg-rose-900/40 dark:text-rose-200"
      : role === "member"
        ? "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200"
        : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100";
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>{role}</span>;
}

export function utc(iso: string | null): string {
  return iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "never";
}

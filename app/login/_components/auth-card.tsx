// The centred card of the pages people see before they are signed in (setup, sign-in, invitations).
import type { ReactNode } from "react";

export function AuthCard({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section className="mx-auto mt-8 max-w-md space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {intro ? <div className="text-sm text-slate-600 dark:text-slate-400">{intro}</div> : null}
      </header>
      {children}
    </section>
  );
}

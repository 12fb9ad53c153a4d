"use client";
// Search box and filters of the incidents page. A GET form (works without JavaScript); with it, every
// change updates the address at once and typing is debounced.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { IncidentFacets } from "@/lib/services/list-incident-facets";
import { classLabel } from "@/lib/services/incident-title";
import { hasFilters, valueOf, type IncidentQuery, type IncidentQueryKey } from "./incidents-query";

const SORTS: [string, string][] = [
  ["lastSeen:desc", "Last seen, newest first"],
  ["lastSeen:asc", "Last seen, oldest first"],
  ["firstSeen:desc", "First seen, newest first"],
  ["firstSeen:asc", "First seen, oldest first"],
  ["occurrences:desc", "Most builds hit"],
  ["occurrences:asc", "Fewest builds hit"],
  ["severity:desc", "Most severe first"],
  ["severity:asc", "Least severe first"],
  ["title:asc", "Title, A–Z"],
  ["title:desc", "Title, Z–A"],
];

const control =
  "w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:[color-scheme:dark]";

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
        {label}
      </label>
      {children}
    </div>
  );
}

export function IncidentsFilters({ query, facets, onChange }: { query: IncidentQuery; facets: IncidentFacets; onChange: (changes: IncidentQuery, typing?: boolean) => void }) {
  const [text, setText] = useState(query.q ?? "");
  const lastSent = useRef(query.q ?? "");
  // The address changed from elsewhere (back button, "Clear filters"): show its text.
  useEffect(() => {
    if ((query.q ?? "") !== lastSent.current) {
      lastSent.current = query.q ?? "";
      setText(query.q ?? "");
    }
  }, [query.q]);
  useEffect(() => {
    if (text.trim() === lastSent.current) return;
    const t = setTimeout(() => {
      lastSent.current = text.trim();
      onChange({ q: text }, true);
    }, 300);
    return () => clearTimeout(t);
  }, [text, onChange]);

  const select = (key: IncidentQueryKey, label: string, options: [string, string][]) => (
    <Field id={`f-${key}`} label={label}>
      <select id={`f-${key}`} name={key} value={valueOf(query, key)} onChange={(e) => onChange({ [key]: e.target.value })} className={control}>
        <option value="">Any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </Field>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    lastSent.current = text.trim();
    onChange({ q: text });
  };

  return (
    <form method="get" action="/incidents" role="search" aria-label="Incidents" onSubmit={submit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1">
          <label htmlFor="f-q" className="block text-xs font-medium text-slate-700 dark:text-slate-300">
            Search titles, modules, paths, hosts and messages
          </label>
          <input id="f-q" name="q" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. github.com/acme/greet or proxy.golang.org" className={control} autoComplete="off" />
        </div>
        <button type="submit" className="rounded bg-rose-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 dark:bg-rose-600 dark:hover:bg-rose-500">
          Search
        </button>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {select("class", "Class", facets.classes.map((c) => [c, classLabel(c)]))}
        {select("status", "Status", [["open", "Open"], ["mitigated", "Mitigated"], ["resolved", "Resolved"]])}
        {select("severity", "Severity", [["sev1", "SEV1"], ["sev2", "SEV2"], ["sev3", "SEV3"], ["sev4", "SEV4"]])}
        {select("repo", "Repository", facets.repos.map((r) => [r, r]))}
        {select("branch", "Branch", facets.branches.map((b) => [b, b]))}
        <Field id="f-sort" label="Sort">
          <select
            id="f-sort"
            value={`${valueOf(query, "sort")}:${valueOf(query, "order")}`}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(":");
              onChange({ sort, order });
            }}
            className={control}
          >
            {SORTS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-from" label="Seen from (UTC)">
          <input id="f-from" name="from" type="date" value={valueOf(query, "from")} max={query.to} onChange={(e) => onChange({ from: e.target.value })} className={control} />
        </Field>
        <Field id="f-to" label="Seen until (UTC)">
          <input id="f-to" name="to" type="date" value={valueOf(query, "to")} min={query.from} onChange={(e) => onChange({ to: e.target.value })} className={control} />
        </Field>
        <Field id="f-pageSize" label="Per page">
          <select id="f-pageSize" name="pageSize" value={valueOf(query, "pageSize")} onChange={(e) => onChange({ pageSize: e.target.value })} className={control}>
            {["10", "25", "50", "100"].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-end">
          <button
            type="button"
            disabled={!hasFilters(query)}
            onClick={() => {
              lastSent.current = "";
              setText("");
              onChange({ q: "", class: "", status: "", severity: "", repo: "", branch: "", from: "", to: "" });
            }}
            className="rounded px-2 py-1.5 text-sm font-medium text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 disabled:text-slate-500 disabled:no-underline dark:text-rose-400 dark:disabled:text-slate-500"
          >
            Clear filters
          </button>
        </div>
      </div>
    </form>
  );
}

"use client";
// The incidents page's interactive part: the address holds the query, TanStack Query fetches
// GET /api/v1/incidents/search for it (the server's first render is the initial data), and changes
// push a new address without a server round trip, so back and forward step through searches.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { IncidentFacets } from "@/lib/services/list-incident-facets";
import type { IncidentSearchResult } from "@/lib/services/search-incidents";
import { IncidentsFilters } from "./incidents-filters";
import { IncidentsPagination } from "./incidents-pagination";
import { canonicalQuery, hasFilters, queryString, withChanges, type IncidentQuery } from "./incidents-query";
import { IncidentsTable } from "./incidents-table";

async function fetchIncidents(qs: string): Promise<IncidentSearchResult> {
  const res = await fetch(`/api/v1/incidents/search${qs ? `?${qs}` : ""}`, { headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(body?.detail ?? `the search failed (HTTP ${res.status})`);
  }
  return res.json();
}

export function IncidentsExplorer({ initialQueryString, initialResult, facets }: { initialQueryString: string; initialResult: IncidentSearchResult; facets: IncidentFacets }) {
  const params = useSearchParams();
  const query = useMemo(() => canonicalQuery(params), [params]);
  const qs = queryString(query);
  const result = useQuery({
    queryKey: ["incidents-search", qs],
    queryFn: () => fetchIncidents(qs),
    initialData: qs === initialQueryString ? initialResult : undefined,
    placeholderData: keepPreviousData,
  });

  const navigate = useCallback(
    (next: IncidentQuery, replace = false) => {
      const s = queryString(next);
      const url = `/incidents${s ? `?${s}` : ""}`;
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [],
  );
  const onChange = useCallback((changes: IncidentQuery, typing = false) => navigate(withChanges(canonicalQuery(new URLSearchParams(window.location.search)), changes), typing), [navigate]);
  const onPage = useCallback(
    (page: number) => {
      navigate(withChanges(query, { page: String(page) }));
      document.getElementById("incidents-results")?.focus({ preventScroll: true });
      window.scrollTo({ top: 0 });
    },
    [navigate, query],
  );
  const hrefFor = (page: number) => {
    const s = queryString(withChanges(query, { page: String(page) }));
    return `/incidents${s ? `?${s}` : ""}`;
  };

  const data = result.data;
  const busy = result.isFetching && result.isPlaceholderData;
  return (
    <div className="space-y-4">
      <IncidentsFilters query={query} facets={facets} onChange={onChange} />
      <section id="incidents-results" tabIndex={-1} aria-labelledby="results-heading" className="rounded-lg border border-slate-200 bg-white p-4 outline-none dark:border-slate-800 dark:bg-slate-900">
        <h2 id="results-heading" className="sr-only">
          Results
        </h2>
        <p role="status" aria-live="polite" className="sr-only">
          {result.isError ? "" : data ? `${data.total} incident${data.total === 1 ? "" : "s"} found` : "Searching"}
        </p>
        <div className="space-y-3">
          {result.isError ? (
            <p role="alert" className="rounded border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100">
              {(result.error as Error).message}
            </p>
          ) : null}
          {data && data.total === 0 ? (
            <p className="rounded border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-300">
              {hasFilters(query) ? (
                "No incidents match this search and these filters."
              ) : (
                <>
                  No incidents yet.{" "}
                  <Link className="text-rose-700 underline dark:text-rose-400" href="/upload">
                    Upload a failed build log
                  </Link>{" "}
                  to open one.
                </>
              )}
            </p>
          ) : null}
          {data && data.items.length > 0 ? <IncidentsTable rows={data.items} busy={busy} /> : null}
          {data && data.total > 0 ? <IncidentsPagination page={data.page} pageCount={data.pageCount} total={data.total} pageSize={data.pageSize} hrefFor={hrefFor} onPage={onPage} /> : null}
        </div>
      </section>
    </div>
  );
}

// Previous / next page links of the incidents page. Real links (they work without JavaScript); with
// JavaScript the explorer changes the page in place.
import type { MouseEvent } from "react";

export function IncidentsPagination({
  page,
  pageCount,
  total,
  pageSize,
  hrefFor,
  onPage,
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  onPage: (page: number) => void;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (to: number, label: string, rel: "prev" | "next") => {
    const disabled = to < 1 || to > pageCount;
    const cls = "rounded border px-3 py-1.5 text-sm font-medium";
    if (disabled) return <span aria-disabled="true" className={`${cls} border-slate-200 text-slate-500 dark:border-slate-800 dark:text-slate-400`}>{label}</span>;
    return (
      <a
        href={hrefFor(to)}
        rel={rel}
        onClick={(e: MouseEvent) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          onPage(to);
        }}
        className={`${cls} border-slate-300 bg-white text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700`}
      >
        {label}
      </a>
    );
  };
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        {total === 0 ? "No incidents" : <>Showing <span className="tabular-nums">{first}–{last}</span> of <span className="tabular-nums">{total}</span></>}
        {pageCount > 1 ? <> · page <span className="tabular-nums">{page}</span> of <span className="tabular-nums">{pageCount}</span></> : null}
      </p>
      <div className="flex gap-2">
        {link(page - 1, "Previous", "prev")}
        {link(page + 1, "Next", "next")}
      </div>
    </nav>
  );
}

// What a streamed section of a page shows until its data arrives: one short, announced line.
export function SectionPlaceholder({ label }: { label: string }) {
  return (
    <p role="status" aria-live="polite" className="animate-pulse rounded border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
      Loading {label}…
    </p>
  );
}

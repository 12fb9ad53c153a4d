"use client";
// The log viewer's line pages: fetched from the lines API as the rows they hold come into view, cached
// per (upload, file, raw, page). A log whose length is unknown (compressed, archive members) grows as
// pages arrive.
import { useQueries } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { LogWindow } from "@/lib/services/read-log-lines";

export const PAGE = 200;

type Line = { text: string; truncated?: boolean };

async function fetchPage(uploadId: string, file: string | undefined, page: number, raw: boolean): Promise<LogWindow> {
  const qs = new URLSearchParams({ from: String(page * PAGE + 1), count: String(PAGE) });
  if (file) qs.set("file", file);
  if (raw) qs.set("raw", "1");
  const res = await fetch(`/api/v1/uploads/${uploadId}/lines?${qs}`);
  if (!res.ok) throw new Error(`could not load lines (${res.status})`);
  return res.json();
}

/** How many lines the log has, as far as known: exact when stored, else learnt from the pages read. */
export function useKnownLines(totalLines: number | null, atLeast: number) {
  const [knownLines, setKnownLines] = useState(totalLines ?? Math.max(PAGE, atLeast));
  const learn = useCallback(
    (w: LogWindow) => {
      if (totalLines !== null) return w;
      const end = w.from + w.lines.length - 1 + (w.hasMore ? PAGE : 0);
      setKnownLines((k) => (w.hasMore ? Math.max(k, end) : w.lines.length > 0 ? Math.max(end, 1) : k));
      return w;
    },
    [totalLines],
  );
  /** A deep link past what is known yet: make room so it can be scrolled to. */
  const reach = useCallback(
    (line: number) => {
      if (totalLines === null) setKnownLines((k) => Math.max(k, line + PAGE));
    },
    [totalLines],
  );
  return { knownLines, learn, reach };
}

export function useLogPages(opts: { uploadId: string; file?: string; raw: boolean; pages: number[]; learn: (w: LogWindow) => LogWindow }) {
  const { uploadId, file, raw, learn } = opts;
  const results = useQueries({
    queries: opts.pages.map((page) => ({
      queryKey: ["log", uploadId, file ?? "", raw, page],
      queryFn: () => fetchPage(uploadId, file, page, raw).then(learn),
      staleTime: Infinity,
    })),
  });
  const byNo = new Map<number, Line>();
  for (const r of results) for (const l of r.data?.lines ?? []) byNo.set(l.no, l);
  const error = results.find((r) => r.error)?.error as Error | undefined;
  return { byNo, error };
}

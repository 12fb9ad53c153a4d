import Link from "next/link";
import type { OverviewData } from "@/lib/services/get-overview";
import { ClassBadge } from "./class-badge";

export function RecentUploads({ uploads }: { uploads: OverviewData["recentUploads"] }) {
  if (uploads.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing uploaded yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {uploads.map((u) => (
        <li key={u.id} className="flex flex-wrap items-center gap-2 py-2">
          <span className="font-mono text-xs break-all">{u.files.join(", ") || "(no files)"}</span>
          {u.repo ? <span className="text-slate-600 dark:text-slate-400">{u.repo}</span> : null}
          <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">{u.status}</span>
          {u.rootCauseClass ? <ClassBadge cls={u.rootCauseClass} /> : null}
          {u.incidentId ? (
            <Link href={`/incidents/${u.incidentId}`} className="ml-auto text-rose-700 hover:underline dark:text-rose-400">
              incident
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

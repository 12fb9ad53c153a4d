// The log viewer for one uploaded file or archive member, with event lines highlighted.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteUploadButton } from "@/components/delete-upload-button";
import { LogViewer } from "@/components/log-viewer";
import { currentCaller } from "@/lib/http/authenticate";
import { isOnlyBuildOfIncident } from "@/lib/services/delete-upload";
import { NotFoundError } from "@/lib/services/errors";
import { getLogGroups } from "@/lib/services/get-log-groups";
import { getUpload } from "@/lib/services/get-upload";
import { listUploadEvents } from "@/lib/services/list-upload-events";
import { deleteUploadAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Log" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ file?: string }> };

async function load(id: string) {
  const caller = await currentCaller();
  try {
    const upload = await getUpload({ uploadId: id, teamId: caller.teamId });
    const all = await listUploadEvents({ teamId: caller.teamId, uploadId: id });
    const canDelete = caller.scopes.includes("write") && upload.status !== "receiving";
    const onlyBuild = canDelete && (await isOnlyBuildOfIncident({ teamId: caller.teamId, incidentId: upload.incidentId }));
    return { upload, all, teamId: caller.teamId, canDelete, onlyBuild };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function LogPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { file } = await searchParams;
  const { upload, all, teamId, canDelete, onlyBuild } = await load(id);
  // An archive is viewed member by member: default to the member of its first event.
  const isArchive = upload.format?.includes("archive") ?? false;
  const shownFile = file ?? (isArchive ? (all.find((e) => e.file)?.file ?? undefined) : undefined) ?? upload.files[0]?.name;
  // A single plain file's events and groups carry no file name; an archive's or a set's carry theirs.
  const single = upload.files.length === 1 && !isArchive;
  const events = single ? all : all.filter((e) => e.file === shownFile);
  const { groups } = await getLogGroups({ teamId, uploadId: id, file: single ? null : (shownFile ?? null) });
  const eventFiles = [...new Set(all.map((e) => e.file).filter((f): f is string => Boolean(f)))];
  const direct = upload.files.find((f) => f.name === shownFile);
  return (
    <section className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-2xl font-semibold break-all">{shownFile}</h1>
        {canDelete ? <DeleteUploadButton action={deleteUploadAction.bind(null, id)} eventCount={upload.eventCount} onlyBuild={onlyBuild} /> : null}
      </div>
      <nav aria-label="Files of this upload" className="flex flex-wrap gap-2 text-sm">
        {[...upload.files.map((f) => f.name), ...eventFiles.filter((f) => !upload.files.some((u) => u.name === f))].map((name) => (
          <Link
            key={name}
            href={`/uploads/${id}/log?file=${encodeURIComponent(name)}`}
            aria-current={name === shownFile ? "page" : undefined}
            className="rounded border border-slate-200 px-2 py-0.5 font-mono text-xs hover:bg-slate-100 aria-[current=page]:bg-slate-200 dark:border-slate-700 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-700"
          >
            {name}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {events.length} event{events.length === 1 ? "" : "s"} highlighted{direct?.size ? ` · ${(direct.size / 1024).toFixed(1)} KiB` : ""}. Click a line number to link to it; shift-click for a range.
      </p>
      <LogViewer key={shownFile} uploadId={id} file={shownFile} totalLines={direct?.lines ?? null} eventRanges={events.map((e) => ({ from: e.line, to: e.endLine, cls: e.class }))} groups={groups} />
    </section>
  );
}

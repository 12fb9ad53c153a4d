// The postmortem of one incident: an editable document pre-filled from the incident's data, with
// quality checks, Markdown export, printing and share links.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PostmortemEditor } from "@/components/postmortem-editor";
import { currentCaller, requireScope } from "@/lib/http/authenticate";
import { NotFoundError } from "@/lib/services/errors";
import { getPostmortem } from "@/lib/services/get-postmortem";
import { listShareLinks } from "@/lib/services/list-share-links";
import { addActionItemAction, createShareLinkAction, revokeShareLinkAction, savePostmortemAction, updateActionItemAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(incidentId: string) {
  const caller = await currentCaller();
  requireScope(caller, "read");
  try {
    const [doc, links] = await Promise.all([getPostmortem({ teamId: caller.teamId, incidentId }), listShareLinks({ teamId: caller.teamId, incidentId })]);
    return { doc, links, canEdit: caller.scopes.includes("upload") };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { doc } = await load((await params).id);
  return { title: `Postmortem: ${doc.header.title}` };
}

export default async function PostmortemPage({ params }: Props) {
  const { id } = await params;
  const { doc, links, canEdit } = await load(id);
  return (
    <div className="space-y-4">
      <header className="space-y-1 print:hidden">
        <p className="text-sm">
          <Link href={`/incidents/${id}`} className="text-rose-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-rose-600 dark:text-rose-400">
            ← Back to the incident
          </Link>
        </p>
        <h1 className="text-2xl font-semibold break-words">Postmortem: {doc.header.title}</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Written blameless: describe what the system and the process did, not who slipped. Times are UTC.
        </p>
      </header>
      <PostmortemEditor
        doc={doc}
        shareLinks={links}
        canEdit={canEdit}
        markdownHref={`/api/v1/incidents/${id}/postmortem/markdown`}
        actions={{
          save: savePostmortemAction.bind(null, id),
          addActionItem: addActionItemAction.bind(null, id),
          updateActionItem: updateActionItemAction.bind(null, id),
          createShareLink: createShareLinkAction.bind(null, id),
          revokeShareLink: revokeShareLinkAction.bind(null, id),
        }}
      />
    </div>
  );
}

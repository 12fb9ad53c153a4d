// The postmortem of one incident: the saved document, or a draft written from what the incident page
// knows (getIncident: root cause with its evidence, builds, computed impact and timeline) until
// someone saves it.
import { db } from "../db/client";
import { ZPostmortemContent, type PostmortemDocument } from "../postmortem/content";
import { buildPostmortemDraft, type DraftFacts } from "../postmortem/draft";
import { NotFoundError } from "./errors";
import { getIncident, type TimelineItem } from "./get-incident";

// Timeline kinds a postmortem keeps: what happened to builds and the incident, not every CI step.
const DRAFT_KINDS = new Set(["job-start", "job-end", "upload", "event", "status", "merge", "split", "move", "delete", "note"]);

export async function getPostmortem(input: { teamId: string; incidentId: string }): Promise<PostmortemDocument> {
  const inc = await db().incident.findFirst({
    where: { id: input.incidentId, teamId: input.teamId },
    include: {
      postmortem: true,
      actionItems: { orderBy: { createdAt: "asc" } },
      uploads: { where: { repo: { not: null } }, distinct: ["repo"], select: { repo: true }, take: 50 },
    },
  });
  if (!inc) throw new NotFoundError(`incident ${input.incidentId}`);

  const header = {
    incidentId: inc.id,
    title: inc.title,
    status: inc.status,
    severity: inc.severity,
    owner: inc.owner,
    firstSeenAt: inc.firstSeenAt.toISOString(),
    lastSeenAt: inc.lastSeenAt.toISOString(),
    occurrenceCount: inc.occurrenceCount,
    rootCauseClass: inc.rootCauseClass,
    repos: inc.uploads.map((u) => u.repo!).sort(),
  };
  const actionItems = inc.actionItems.map((a) => ({ id: a.id, title: a.title, owner: a.owner, type: a.type, status: a.status, trackerUrl: a.trackerUrl }));

  const stored = inc.postmortem ? ZPostmortemContent.safeParse(inc.postmortem.content) : null;
  if (stored?.success) return { header, content: stored.data, actionItems, updatedAt: inc.postmortem!.updatedAt.toISOString() };

  const view = await getIncident({ incidentId: inc.id, teamId: input.teamId });
  const content = buildPostmortemDraft({
    header,
    rootCause: view.rootCause,
    uploads: view.uploads.map((u) => ({ repo: u.repo, branch: u.branch, runUrl: u.runUrl, createdAt: u.createdAt })),
    timeline: view.timeline.filter(keepInDraft).map((t) => ({
      at: t.at,
      title: t.title,
      detail: t.kind === "event" ? null : t.detail,
      evidence: t.kind === "event" && t.uploadId && t.line ? { uploadId: t.uploadId, file: t.file, line: t.line, endLine: t.endLine ?? t.line } : null,
    })),
    impact: view.impact ? { ...view.impact, manual: view.impact.manual ?? [] } : null,
    resolvedAt: view.resolvedAt,
  } satisfies DraftFacts);
  // A stored document that no longer validates (hand-edited JSON) is not lost: `updatedAt` says a
  // save exists, and saving the draft shown replaces it.
  return { header, content, actionItems, updatedAt: inc.postmortem ? inc.postmortem.updatedAt.toISOString() : null };
}

function keepInDraft(t: TimelineItem): boolean {
  return DRAFT_KINDS.has(t.kind) || (t.kind === "step" && t.failed);
}

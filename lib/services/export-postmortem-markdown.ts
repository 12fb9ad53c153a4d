// The postmortem of an incident as a Markdown file (secrets redacted), for
// GET /api/v1/incidents/:id/postmortem/markdown.
import { postmortemFileName, renderPostmortemMarkdown } from "../postmortem/markdown";
import { redactPostmortemDocument } from "../postmortem/redact-document";
import { getPostmortem } from "./get-postmortem";

export async function exportPostmortemMarkdown(input: { teamId: string; incidentId: string; baseUrl?: string }): Promise<{ fileName: string; markdown: string }> {
  const doc = redactPostmortemDocument(await getPostmortem({ teamId: input.teamId, incidentId: input.incidentId }));
  return { fileName: postmortemFileName(doc.header.title), markdown: renderPostmortemMarkdown(doc, { baseUrl: input.baseUrl }) };
}

// A postmortem ready to leave Faultline (share links, Markdown export): every text that can carry log
// content goes through redactForSharing.
import { mapContentStrings, type PostmortemDocument } from "./content";
import { redactForSharing } from "./redact-for-sharing";

export function redactPostmortemDocument(doc: PostmortemDocument): PostmortemDocument {
  return {
    header: { ...doc.header, title: redactForSharing(doc.header.title), repos: doc.header.repos.map(redactForSharing) },
    content: mapContentStrings(doc.content, redactForSharing),
    actionItems: doc.actionItems.map((a) => ({ ...a, title: redactForSharing(a.title), trackerUrl: a.trackerUrl && redactForSharing(a.trackerUrl) })),
    updatedAt: doc.updatedAt,
  };
}

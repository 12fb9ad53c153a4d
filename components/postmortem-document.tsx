// A postmortem rendered read-only: the printed page, and what a share link shows. Presentational.
import { LESSON_SECTIONS, PROSE_SECTIONS, type PostmortemDocument } from "@/lib/postmortem/content";
import { formatUtc, parseUtc } from "@/lib/postmortem/utc";
import { classLabel } from "@/lib/services/incident-title";
import { PostmortemText } from "./postmortem-text";

const TYPE_LABEL: Record<string, string> = { mitigate: "Mitigate", prevent: "Prevent" };
const STATUS_LABEL: Record<string, string> = { open: "Open", in_progress: "In progress", done: "Done" };

export function PostmortemDocumentView({
  doc,
  sameSiteLinks = true,
  idPrefix = "doc",
  showTitle = true,
}: {
  doc: PostmortemDocument;
  sameSiteLinks?: boolean;
  idPrefix?: string;
  /** False where the page already has the title as its heading. */
  showTitle?: boolean;
}) {
  const { header, content, actionItems } = doc;
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={`${idPrefix}-${id}`} className="postmortem-section space-y-2">
      <h2 id={`${idPrefix}-${id}`} className="border-b border-slate-200 pb-1 text-lg font-semibold dark:border-slate-800">
        {title}
      </h2>
      <div className="space-y-2 text-sm leading-relaxed">{body}</div>
    </section>
  );
  return (
    <article className="postmortem-document space-y-6" aria-label={`Postmortem: ${header.title}`}>
      <header className="space-y-2">
        {showTitle ? <h1 className="text-2xl font-semibold break-words">Postmortem: {header.title}</h1> : null}
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[max-content_1fr_max-content_1fr]">
          <dt className="text-slate-600 dark:text-slate-400">Status</dt>
          <dd className="capitalize">{header.status.replace("_", " ")}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Severity</dt>
          <dd>{header.severity.toUpperCase()}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Root cause class</dt>
          <dd>{classLabel(header.rootCauseClass)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Builds hit</dt>
          <dd className="tabular-nums">{header.occurrenceCount}</dd>
          <dt className="text-slate-600 dark:text-slate-400">First seen</dt>
          <dd className="tabular-nums">{formatUtc(header.firstSeenAt)}</dd>
          <dt className="text-slate-600 dark:text-slate-400">Last seen</dt>
          <dd className="tabular-nums">{formatUtc(header.lastSeenAt)}</dd>
          {header.owner ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">Owner</dt>
              <dd>{header.owner}</dd>
            </>
          ) : null}
          {header.repos.length ? (
            <>
              <dt className="text-slate-600 dark:text-slate-400">Repositories</dt>
              <dd className="break-all">{header.repos.join(", ")}</dd>
            </>
          ) : null}
        </dl>
        {doc.updatedAt ? <p className="text-xs text-slate-600 dark:text-slate-400">Last edited {formatUtc(doc.updatedAt)}</p> : null}
      </header>

      {PROSE_SECTIONS.map((s) => section(s.key, s.label, <PostmortemText text={content[s.key]} sameSiteLinks={sameSiteLinks} />))}

      {section(
        "action-items",
        "Action items",
        actionItems.length === 0 ? (
          <p className="text-slate-600 italic dark:text-slate-400">None yet.</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
                <th scope="col" className="py-1 pr-3 font-medium">Action</th>
                <th scope="col" className="py-1 pr-3 font-medium">Type</th>
                <th scope="col" className="py-1 pr-3 font-medium">Owner</th>
                <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                <th scope="col" className="py-1 font-medium">Tracker</th>
              </tr>
            </thead>
            <tbody>
              {actionItems.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                  <td className="py-1 pr-3 break-words">{a.title}</td>
                  <td className="py-1 pr-3">{a.type ? TYPE_LABEL[a.type] : "—"}</td>
                  <td className="py-1 pr-3">{a.owner ?? "—"}</td>
                  <td className="py-1 pr-3 whitespace-nowrap">{STATUS_LABEL[a.status] ?? a.status}</td>
                  <td className="py-1 break-all">
                    {a.trackerUrl && /^https?:\/\//i.test(a.trackerUrl) ? (
                      <a href={a.trackerUrl} data-url-shown rel="noopener noreferrer" target="_blank" className="text-rose-700 underline underline-offset-2 dark:text-rose-400">
                        {a.trackerUrl}
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}

      {section(
        "lessons",
        "Lessons learned",
        LESSON_SECTIONS.map((s) => (
          <div key={s.key} className="space-y-1">
            <h3 className="font-semibold">{s.label}</h3>
            <PostmortemText text={content.lessons[s.key]} sameSiteLinks={sameSiteLinks} />
          </div>
        )),
      )}

      {section(
        "timeline",
        "Timeline (UTC)",
        content.timeline.length === 0 ? (
          <p className="text-slate-600 italic dark:text-slate-400">No entries yet.</p>
        ) : (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600 dark:border-slate-800 dark:text-slate-400">
                <th scope="col" className="py-1 pr-3 font-medium whitespace-nowrap">Time (UTC)</th>
                <th scope="col" className="py-1 font-medium">What happened</th>
              </tr>
            </thead>
            <tbody>
              {content.timeline.map((t, i) => {
                const at = parseUtc(t.at);
                return (
                  <tr key={i} className="border-b border-slate-100 align-top dark:border-slate-800/60">
                    <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap tabular-nums">{at ? formatUtc(at) : t.at || "—"}</td>
                    <td className="py-1 break-words">
                      <PostmortemText text={t.text} sameSiteLinks={sameSiteLinks} empty="—" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ),
      )}
    </article>
  );
}

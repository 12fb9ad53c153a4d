// A shared postmortem: read-only, for anyone with the link, no session needed (the token is the
// credential; the session proxy leaves /share/* alone). Secrets are redacted; unknown, revoked and
// expired links are 404; each client address is rate-limited.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PostmortemDocumentView } from "@/components/postmortem-document";
import { formatUtc } from "@/lib/postmortem/utc";
import { takeShareRequest } from "@/lib/postmortem/share-rate-limit";
import { NotFoundError } from "@/lib/services/errors";
import { getSharedPostmortem } from "@/lib/services/get-shared-postmortem";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Shared postmortem", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function SharedPostmortemPage({ params }: Props) {
  const { token } = await params;
  const allowed = takeShareRequest(await headers());
  if (!allowed.ok) {
    // A page cannot answer 429; the API route does. Say plainly what happened instead.
    return (
      <section className="mx-auto max-w-3xl space-y-2" role="alert">
        <h1 className="text-2xl font-semibold">Too many requests</h1>
        <p className="text-slate-700 dark:text-slate-300">This address opened shared postmortems too often. Try again in {allowed.retryAfterSeconds} seconds.</p>
      </section>
    );
  }
  let doc;
  try {
    doc = await getSharedPostmortem({ token });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="rounded border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700 print:hidden dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300" data-testid="share-banner">
        A read-only postmortem shared from Faultline. Secrets found in log text are redacted.
        {doc.expiresAt ? ` This link expires ${formatUtc(doc.expiresAt)}.` : ""}
      </p>
      <div className="rounded-lg border border-slate-200 bg-white p-6 dark:border-slate-800 dark:bg-slate-900 print:border-0 print:p-0">
        <PostmortemDocumentView doc={doc} sameSiteLinks={false} idPrefix="shared" />
      </div>
    </div>
  );
}

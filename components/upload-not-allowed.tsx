// What a team member who may not upload (a viewer) sees on the upload page instead of a form that
// would only fail when sent: why, and whom to ask.
import Link from "next/link";

const LINK = "font-medium text-rose-700 underline underline-offset-2 hover:text-rose-900 dark:text-rose-300 dark:hover:text-rose-200";

export function UploadNotAllowed({ role, owners }: { role: string; owners: string[] }) {
  return (
    <section aria-labelledby="upload-not-allowed" data-testid="upload-not-allowed" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950/40">
      <h2 id="upload-not-allowed" className="text-base font-semibold">
        Your role cannot upload logs
      </h2>
      <p>
        You are a <strong>{role}</strong> in this team: you can read incidents, runbooks and postmortems, but sending logs for analysis needs the <strong>member</strong> or{" "}
        <strong>owner</strong> role.
      </p>
      <p>
        {owners.length > 0 ? (
          <>
            Ask an owner to change your role ({owners.join(", ")}), or ask a member to upload the logs.{" "}
          </>
        ) : (
          "Ask a team owner to change your role, or ask a member to upload the logs. "
        )}
        Meanwhile, <Link href="/incidents" className={LINK}>browse the incidents</Link>.
      </p>
    </section>
  );
}

// Upload page: send failed build logs or strace dumps for analysis (members and owners; viewers are
// told why they cannot).
import type { Metadata } from "next";
import { UploadForm } from "@/components/upload-form";
import { UploadNotAllowed } from "@/components/upload-not-allowed";
import { currentCaller } from "@/lib/http/authenticate";
import { listTeamMembers } from "@/lib/services/list-team-members";

export const metadata: Metadata = { title: "Upload logs" };

export default async function UploadPage() {
  const caller = await currentCaller();
  const canUpload = caller.scopes.includes("upload");
  const owners = canUpload ? [] : (await listTeamMembers({ teamId: caller.teamId })).members.filter((m) => m.role === "owner").map((m) => m.email);
  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Upload logs</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Faultline stores each upload, finds its error events and root cause, and groups the failure into an incident. Progress is shown live.
      </p>
      {canUpload ? <UploadForm /> : <UploadNotAllowed role={caller.role ?? "viewer"} owners={owners} />}
    </section>
  );
}

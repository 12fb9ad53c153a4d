// Upload page: send failed build logs or strace dumps for analysis.
import type { Metadata } from "next";
import { UploadForm } from "@/components/upload-form";

export const metadata: Metadata = { title: "Upload logs" };

export default function UploadPage() {
  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Upload logs</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Faultline stores each file, finds its error events and root cause, and groups the failure into an incident. Progress is shown live.
      </p>
      <UploadForm />
    </section>
  );
}

"use server";
// Deleting the upload shown on the log page; afterwards the page it belonged to (its incident, or the
// incident list when the incident went with it).
import { redirect } from "next/navigation";
import { currentCaller, requireScope } from "@/lib/http/authenticate";
import { deleteUpload } from "@/lib/services/delete-upload";
import { ServiceError } from "@/lib/services/errors";

export async function deleteUploadAction(uploadId: string): Promise<{ error: string }> {
  const caller = await currentCaller();
  let to: string;
  try {
    requireScope(caller, "write");
    const r = await deleteUpload({ teamId: caller.teamId, uploadId, actor: caller });
    to = r.incidentId && !r.incidentDeleted ? `/incidents/${r.incidentId}` : "/incidents";
  } catch (err) {
    if (err instanceof ServiceError) return { error: err.message };
    throw err;
  }
  redirect(to);
}

// Deletes one upload for good (the wrong file, or a log holding a secret the redaction missed): its
// stored bytes, events and file rows. Its incident is recounted and says who deleted which build; an
// incident left without builds goes too, with the incidents merged into it (they hold none), since
// nothing would be left to show on it.
import { db } from "../db/client";
import { removeStoredBlob } from "../storage/blob-store";
import { actorLabel, byActor, type Actor } from "./actor-label";
import { ConflictError, NotFoundError } from "./errors";
import { lockFingerprints, lockIncidents, refreshIncidentStats } from "./incident-membership";

export interface DeleteUploadResult {
  uploadId: string;
  /** The incident the upload belonged to (null: none). */
  incidentId: string | null;
  /** That incident was deleted with it: the upload was its last build. */
  incidentDeleted: boolean;
}

export async function deleteUpload(input: { teamId: string; uploadId: string; actor?: Actor }, log: (m: string) => void = console.warn): Promise<DeleteUploadResult> {
  const label = await actorLabel(input.actor);
  const { result, files } = await db().$transaction(async (tx) => {
    const upload = await tx.upload.findFirst({
      where: { id: input.uploadId, teamId: input.teamId },
      select: { id: true, status: true, incidentId: true, repo: true, job: true, files: { select: { id: true, name: true, storage: true, storageKey: true } } },
    });
    if (!upload) throw new NotFoundError(`upload ${input.uploadId}`);
    // Its bytes are still arriving: the request that sends them owns the upload until it ends.
    if (upload.status === "receiving") throw new ConflictError(`upload ${upload.id} is still being received; cancel the transfer instead`);
    const incident = upload.incidentId ? await tx.incident.findUnique({ where: { id: upload.incidentId }, select: { id: true, fingerprint: true } }) : null;
    if (incident) {
      await lockFingerprints(tx, input.teamId, [incident.fingerprint]);
      await lockIncidents(tx, [incident.id]);
    }
    // Files, chunks and events go with it (ON DELETE CASCADE).
    await tx.upload.delete({ where: { id: upload.id } });
    // Entries that linked to its lines keep their text, not a link to a log that no longer exists.
    await tx.timelineEntry.updateMany({ where: { uploadId: upload.id }, data: { uploadId: null, file: null, line: null, endLine: null } });
    let incidentDeleted = false;
    if (incident) {
      const left = await tx.upload.count({ where: { incidentId: incident.id } });
      if (left === 0) {
        await tx.incident.deleteMany({ where: { mergedIntoId: incident.id, uploads: { none: {} } } });
        await tx.incident.delete({ where: { id: incident.id } });
        incidentDeleted = true;
      } else {
        const build = `build ${[upload.repo, upload.job].filter(Boolean).join(" ") || upload.id}`;
        const names = upload.files.map((f) => f.name).join(", ");
        await tx.timelineEntry.create({ data: { incidentId: incident.id, at: new Date(), kind: "delete", title: `Deleted ${build} (${names.slice(0, 200)})`, detail: byActor(label) } });
        await refreshIncidentStats(tx, incident.id);
      }
    }
    return { result: { uploadId: upload.id, incidentId: incident?.id ?? null, incidentDeleted }, files: upload.files };
  });
  // Bytes outside Postgres go once the rows are gone (a failure leaves bytes nothing points to, never
  // rows pointing at missing bytes); Postgres chunks went with the rows.
  for (const f of files) {
    try {
      await removeStoredBlob(f);
    } catch (err) {
      log(`delete-upload: the bytes of ${input.uploadId}/${f.name} (${f.storage} ${f.storageKey}) could not be removed and are left behind: ${(err as Error).message}`);
    }
  }
  return result;
}

/** Whether deleting a build of this incident would take the incident with it (it holds only that build). */
export async function isOnlyBuildOfIncident(input: { teamId: string; incidentId: string | null }): Promise<boolean> {
  if (!input.incidentId) return false;
  return (await db().upload.count({ where: { incidentId: input.incidentId, teamId: input.teamId } })) === 1;
}

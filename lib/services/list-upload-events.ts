// The events of one upload for the log viewer's highlights.
import { db } from "../db/client";
import { NotFoundError } from "./errors";

export async function listUploadEvents(input: { teamId: string; uploadId: string; limit?: number }) {
  const upload = await db().upload.findFirst({ where: { id: input.uploadId, teamId: input.teamId }, select: { id: true } });
  if (!upload) throw new NotFoundError(`upload ${input.uploadId}`);
  return db().errorEvent.findMany({
    where: { uploadId: upload.id },
    orderBy: { seq: "asc" },
    take: input.limit ?? 10_000,
    select: { class: true, line: true, endLine: true, file: true, message: true },
  });
}

// Saves an incident's postmortem document. `baseUpdatedAt` (the version the editor started from) guards
// against two people overwriting each other: a save based on an older version is refused with 409.
import { z } from "zod";
import { db } from "../db/client";
import { ZPostmortemContent } from "../postmortem/content";
import { NotFoundError, ServiceError } from "./errors";

export const ZUpdatePostmortemRequest = z.object({
  content: ZPostmortemContent,
  /** The `updatedAt` the edit started from; null for the unsaved draft; omitted to overwrite regardless. */
  baseUpdatedAt: z.string().datetime().nullable().optional(),
});
export type TUpdatePostmortemRequest = z.infer<typeof ZUpdatePostmortemRequest>;

export async function updatePostmortem(input: { teamId: string; incidentId: string; request: unknown }): Promise<{ updatedAt: string }> {
  const req = ZUpdatePostmortemRequest.parse(input.request);
  return db().$transaction(async (tx) => {
    const inc = await tx.incident.findFirst({ where: { id: input.incidentId, teamId: input.teamId }, select: { id: true } });
    if (!inc) throw new NotFoundError(`incident ${input.incidentId}`);
    // Saves of one postmortem take turns (a row lock cannot cover the first save, when no row exists).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`postmortem:${inc.id}`}))`;
    const current = await tx.postmortem.findUnique({ where: { incidentId: inc.id }, select: { updatedAt: true } });
    if (req.baseUpdatedAt !== undefined) {
      const currentAt = current?.updatedAt.toISOString() ?? null;
      if (currentAt !== req.baseUpdatedAt) {
        throw new ServiceError("the postmortem was changed by someone else since you opened it; reload to see their version", 409, "Conflict");
      }
    }
    const row = await tx.postmortem.upsert({
      where: { incidentId: inc.id },
      create: { incidentId: inc.id, content: req.content },
      update: { content: req.content },
      select: { updatedAt: true },
    });
    return { updatedAt: row.updatedAt.toISOString() };
  });
}

// POST /api/v1/incidents/:id/notes {text, at?}: a note on the incident's timeline (201).
import { apiRoute, json, readJson } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { addTimelineNote } from "@/lib/services/add-timeline-note";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "write");
  return json(await addTimelineNote({ teamId: caller.teamId, incidentId: params.id, note: await readJson(request), actor: caller }), { status: 201 });
});

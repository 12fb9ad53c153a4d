// GET /api/v1/incidents: incidents, most recently seen first (cursor pagination, `?status=open,mitigated`).
import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { listIncidents } from "@/lib/services/list-incidents";
import { INCIDENT_STATUSES } from "@/lib/services/update-incident";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  cursor: z.string().max(64).optional(),
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(INCIDENT_STATUSES)))
    .optional(),
});

export const GET = apiRoute(async ({ request, caller }) => {
  requireScope(caller, "read");
  const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listIncidents({ teamId: caller.teamId, ...query }));
});

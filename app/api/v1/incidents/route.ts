// GET /api/v1/incidents: incidents, most recently seen first (cursor pagination).
import { z } from "zod";
import { apiRoute, json } from "@/lib/http/api-route";
import { listIncidents } from "@/lib/services/list-incidents";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(64).optional() });

export const GET = apiRoute(async ({ request, caller }) => {
  const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await listIncidents({ teamId: caller.teamId, ...query }));
});

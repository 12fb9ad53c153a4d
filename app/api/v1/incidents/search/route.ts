// GET /api/v1/incidents/search: the incidents page's query (text, filters, sort, page) as JSON.
import { apiRoute, json } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { searchIncidents } from "@/lib/services/search-incidents";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ request, caller }) => {
  requireScope(caller, "read");
  return json(await searchIncidents({ teamId: caller.teamId, query: Object.fromEntries(new URL(request.url).searchParams) }));
});

// GET /api/v1/uploads/:id/lines?file=&from=&count=: a window of a stored log's lines (ANSI kept).
import { apiRoute, json } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { readLogLines, ZReadLogLinesQuery } from "@/lib/services/read-log-lines";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "read");
  const query = ZReadLogLinesQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return json(await readLogLines({ teamId: caller.teamId, uploadId: params.id, ...query }));
});

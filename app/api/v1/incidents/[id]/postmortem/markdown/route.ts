// GET /api/v1/incidents/:id/postmortem/markdown: the postmortem as a Markdown file download.
import { apiRoute } from "@/lib/http/api-route";
import { requireScope } from "@/lib/http/authenticate";
import { publicBaseUrl } from "@/lib/postmortem/public-base-url";
import { exportPostmortemMarkdown } from "@/lib/services/export-postmortem-markdown";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async ({ request, params, caller }) => {
  requireScope(caller, "read");
  const { fileName, markdown } = await exportPostmortemMarkdown({ teamId: caller.teamId, incidentId: params.id, baseUrl: publicBaseUrl(request.headers) });
  return new Response(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});

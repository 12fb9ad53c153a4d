// GET /api/health: app version and database reachability (200 when the database answers, else 503).
import { checkHealth } from "@/lib/services/check-health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: health.ok ? {} : { "retry-after": "5" } });
}

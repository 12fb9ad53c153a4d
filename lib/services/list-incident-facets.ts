// The choices the incidents page offers as filters: the team's root-cause classes, repositories and
// branches (most used first, capped).
import { db } from "../db/client";

export interface IncidentFacets {
  classes: string[];
  repos: string[];
  branches: string[];
}

const LIMIT = 200;

export async function listIncidentFacets(input: { teamId: string }): Promise<IncidentFacets> {
  const [classes, repos, branches] = await Promise.all([
    db().$queryRaw<{ v: string }[]>`
      SELECT "rootCauseClass" AS v FROM "Incident" WHERE "teamId" = ${input.teamId} AND "mergedIntoId" IS NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${LIMIT}`,
    db().$queryRaw<{ v: string }[]>`
      SELECT repo AS v FROM "Upload" WHERE "teamId" = ${input.teamId} AND "incidentId" IS NOT NULL AND repo IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${LIMIT}`,
    db().$queryRaw<{ v: string }[]>`
      SELECT branch AS v FROM "Upload" WHERE "teamId" = ${input.teamId} AND "incidentId" IS NOT NULL AND branch IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT ${LIMIT}`,
  ]);
  return { classes: classes.map((r) => r.v), repos: repos.map((r) => r.v), branches: branches.map((r) => r.v) };
}

// The incidents page's state lives in the URL. These turn the address's query into the canonical set
// of parameters (defaults and empty values dropped, stable order), so the same view always has the
// same URL and the same TanStack Query key.

export const INCIDENT_QUERY_KEYS = ["q", "class", "status", "severity", "repo", "branch", "from", "to", "sort", "order", "page", "pageSize"] as const;
export type IncidentQueryKey = (typeof INCIDENT_QUERY_KEYS)[number];
export type IncidentQuery = Partial<Record<IncidentQueryKey, string>>;

const DEFAULTS: IncidentQuery = { sort: "lastSeen", order: "desc", page: "1", pageSize: "25" };

type ParamSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(source: ParamSource, key: string): string | undefined {
  if (typeof (source as { get?: unknown }).get === "function") return (source as { get(name: string): string | null }).get(key) ?? undefined;
  const v = (source as Record<string, string | string[] | undefined>)[key];
  return Array.isArray(v) ? v[0] : v;
}

/** The known, non-empty, non-default parameters of a query. */
export function canonicalQuery(source: ParamSource): IncidentQuery {
  const out: IncidentQuery = {};
  for (const key of INCIDENT_QUERY_KEYS) {
    const v = read(source, key)?.trim();
    if (v && v !== DEFAULTS[key]) out[key] = key === "q" ? v.replace(/\s+/g, " ") : v;
  }
  return out;
}

export function queryString(q: IncidentQuery): string {
  const params = new URLSearchParams();
  for (const key of INCIDENT_QUERY_KEYS) if (q[key]) params.set(key, q[key]!);
  return params.toString();
}

/** The query after changing some fields; any change other than the page itself goes back to page 1. */
export function withChanges(q: IncidentQuery, changes: IncidentQuery): IncidentQuery {
  const next: IncidentQuery = { ...q, ...changes };
  if (!("page" in changes)) delete next.page;
  return canonicalQuery(next as Record<string, string | undefined>);
}

export function valueOf(q: IncidentQuery, key: IncidentQueryKey): string {
  return q[key] ?? DEFAULTS[key] ?? "";
}

export function hasFilters(q: IncidentQuery): boolean {
  return ["q", "class", "status", "severity", "repo", "branch", "from", "to"].some((k) => q[k as IncidentQueryKey]);
}

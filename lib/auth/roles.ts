// Who may do what. Roles rank viewer < member < owner: viewers read, members also upload and edit,
// owners also manage members and API tokens. API tokens carry scopes instead of a role: `upload` sends
// builds, `read` reads, `write` edits incidents (status, notes, impact, merge/split/move, postmortems,
// share links) — kept apart so that a CI token that only uploads cannot rewrite the record.
import { ForbiddenError } from "../services/account-errors";

export const ROLES = ["owner", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const SCOPES = ["upload", "read", "write"] as const;
export type Scope = (typeof SCOPES)[number];

const RANK: Record<Role, number> = { viewer: 0, member: 1, owner: 2 };

/** What a signed-in user's role allows through the scope checks of the API. */
export function scopesForRole(role: Role): Scope[] {
  return role === "viewer" ? ["read"] : ["read", "upload", "write"];
}

export function hasRole(caller: { role: Role | null }, least: Role): boolean {
  return caller.role !== null && RANK[caller.role] >= RANK[least];
}

/** Throws 403 unless the caller is a signed-in user with at least this role (API tokens never are). */
export function requireRole(caller: { role: Role | null }, least: Role): void {
  if (caller.role === null) throw new ForbiddenError(`an API token cannot do this; sign in as a team ${least}`);
  if (!hasRole(caller, least)) throw new ForbiddenError(`this needs the ${least} role; you are a ${caller.role}`);
}

/** Throws 403 unless the caller (token or user) has this scope. */
export function requireScope(caller: { scopes: readonly Scope[] }, scope: Scope): void {
  if (!caller.scopes.includes(scope)) throw new ForbiddenError(`this needs the "${scope}" scope`);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

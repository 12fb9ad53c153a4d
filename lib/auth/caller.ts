// Who is calling: a signed-in user (session cookie) or an API token, always acting for one team.
import type { Role, Scope } from "./roles";

export interface Caller {
  /** Every read and write is scoped to this team. */
  teamId: string;
  /** Set for signed-in users; API tokens act for the team, not for a person. */
  userId?: string;
  /** The user's role in the team; null for API tokens (they have scopes instead). */
  role: Role | null;
  scopes: Scope[];
  via: "session" | "token";
  sessionId?: string;
  tokenId?: string;
}

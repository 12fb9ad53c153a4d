// The one place that decides who is calling. Until accounts and API tokens exist every caller acts
// for the default team; bearer-token and session checks slot in here.
import { ensureDefaultTeam } from "../services/ensure-default-team";

export interface Caller {
  teamId: string;
}

export async function authenticate(request: Request): Promise<Caller> {
  void request;
  const team = await ensureDefaultTeam();
  return { teamId: team.id };
}

/** For server components, which have no Request object: the same decision from the incoming cookies. */
export async function currentCaller(): Promise<Caller> {
  const team = await ensureDefaultTeam();
  return { teamId: team.id };
}

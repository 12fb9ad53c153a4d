// GET /api/v1/auth/me: who the caller is (user or API token), the team it acts for, role and scopes.
import { apiRoute, json } from "@/lib/http/api-route";
import { getAccount } from "@/lib/services/get-account";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ caller }) => {
  const account = caller.userId ? await getAccount({ userId: caller.userId }) : null;
  return json({
    via: caller.via,
    teamId: caller.teamId,
    role: caller.role,
    scopes: caller.scopes,
    ...(account ? { userId: account.userId, email: account.email, name: account.name, teams: account.teams } : { tokenId: caller.tokenId }),
  });
});

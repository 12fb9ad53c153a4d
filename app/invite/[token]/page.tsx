// An invitation link: join the team, as a new account or as the signed-in user.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { optionalCaller } from "@/lib/http/authenticate";
import { getAccount } from "@/lib/services/get-account";
import { NotFoundError } from "@/lib/services/errors";
import { getInvitation, type InvitationView } from "@/lib/services/get-invitation";
import { AuthCard } from "../../login/_components/auth-card";
import { JoinForm, NewAccountForm } from "./invite-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  let invitation: InvitationView;
  try {
    invitation = await getInvitation({ token });
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  const caller = await optionalCaller();
  const account = caller?.userId ? await getAccount({ userId: caller.userId }) : null;
  const expires = invitation.expiresAt.slice(0, 10);
  const intro = (
    <p>
      You are invited to join <strong className="text-slate-900 dark:text-slate-100">{invitation.teamName}</strong> as a{" "}
      <strong className="text-slate-900 dark:text-slate-100">{invitation.role}</strong>. The link works once and expires on {expires}.
    </p>
  );
  return (
    <AuthCard title={`Join ${invitation.teamName}`} intro={intro}>
      {account ? (
        <div className="space-y-3">
          <p className="text-sm">
            Signed in as <strong>{account.email}</strong>.
          </p>
          <JoinForm token={token} teamName={invitation.teamName} />
        </div>
      ) : (
        <div className="space-y-4">
          <NewAccountForm token={token} email={invitation.email} />
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Already have an account?{" "}
            <Link href={`/login?next=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-rose-700 underline dark:text-rose-400">
              Sign in
            </Link>{" "}
            to join with it.
          </p>
        </div>
      )}
    </AuthCard>
  );
}

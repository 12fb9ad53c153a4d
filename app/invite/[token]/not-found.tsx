// An invitation link that is unknown, already used, withdrawn or expired (all look the same).
import Link from "next/link";
import { AuthCard } from "../../login/_components/auth-card";

export default function InvitationNotFound() {
  return (
    <AuthCard title="This invitation is not valid">
      <p className="text-sm">The link was already used, withdrawn, or has expired. Ask a team owner for a new one.</p>
      <Link href="/login" className="text-sm font-medium text-rose-700 underline dark:text-rose-400">
        Go to sign in
      </Link>
    </AuthCard>
  );
}

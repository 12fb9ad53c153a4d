import { primaryButton, secondaryButton } from "../../login/_components/styles";
import { signOutHere, signOutOfAllSessions } from "../actions";

/** "Sign out" (this browser) and "Sign out everywhere" (every session of the account). */
export function SignOutButtons() {
  return (
    <div className="flex flex-wrap gap-3">
      <form action={signOutHere}>
        <button type="submit" className={primaryButton}>
          Sign out
        </button>
      </form>
      <form action={signOutOfAllSessions}>
        <button type="submit" className={secondaryButton}>
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}

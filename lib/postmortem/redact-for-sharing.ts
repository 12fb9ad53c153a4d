// The one hook every shared or exported postmortem text goes through before it leaves Faultline:
// the team's secret redaction (lib/redaction), over whole multi-line texts so private key blocks
// spanning lines are masked too.
import { redactText } from "../redaction";

/** Text with secrets masked as [REDACTED:<kind>]; apply to everything a share link or export shows. */
export function redactForSharing(text: string): string {
  return redactText(text);
}

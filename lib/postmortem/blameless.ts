// Blameless-wording hints: a postmortem describes what the system did, not who failed. This flags the
// common ways a person slips in as the subject of a failure ("Alice broke the build", "@bob forgot to
// bump go.sum", "Dave's push deleted the tag", "he missed it"). A heuristic, shown as a hint only.

export interface BlameHint {
  /** The phrase as written, e.g. "Alice broke". */
  phrase: string;
  index: number;
}

const BLAME_VERBS = [
  "broke", "breaks", "forgot", "forgets", "deleted", "deletes", "pushed", "pushes", "force-pushed", "merged", "merges", "missed", "misses",
  "caused", "causes", "removed", "removes", "dropped", "drops", "ignored", "ignores", "skipped", "skips", "misconfigured", "committed",
  "reverted", "introduced", "overwrote", "overwrites", "disabled", "failed", "fails", "neglected", "messed", "screwed", "botched", "typoed",
  "mistyped", "rotated", "revoked", "changed", "tagged", "retagged", "didn't", "did not", "should have", "should've",
];
const ADVERBS = ["accidentally", "mistakenly", "carelessly", "wrongly", "again", "also", "then", "just", "never", "apparently", "probably", "unfortunately"];
const CAUSE_NOUNS = ["mistake", "fault", "error", "typo", "change", "commit", "push", "force-push", "merge", "PR", "pull request", "oversight", "negligence"];

// Capitalised words that start sentences or name things, not people.
const NOT_PEOPLE = new Set(
  (
    "The This That These Those It Its We Our Us They Their Them You Your I A An And But Or So Then When While After Before Because Since " +
    "If Once Nobody Someone Somebody Everyone Everybody Nothing Something Which Who What Team Teams Upstream Downstream Build Builds Job Jobs " +
    "Step Steps Test Tests Deploy Deploys Release Releases Pipeline Workflow Workflows Action Actions Script Scripts Automation Bot Bots " +
    "Runner Runners Proxy Cache Server Servers Registry Mirror Go Npm Yarn Pip Cargo Maven Gradle Docker Git GitHub GitLab Bitbucket Renovate " +
    "Dependabot Postgres Linux Kubernetes Terraform Node Python Rust Java Make Bazel Nothing Monday Tuesday Wednesday Thursday Friday Saturday " +
    "Sunday January February March April May June July August September October November December Today Yesterday Tomorrow First Second " +
    "Finally Later Earlier Also Here There Every Each All Some No Not One Two Three Faultline Production Staging Main Master Checkout Login"
  ).split(/\s+/),
);

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const verbs = BLAME_VERBS.map(esc).sort((a, b) => b.length - a.length).join("|");
const adverbs = ADVERBS.join("|");
const nouns = CAUSE_NOUNS.map(esc).join("|");
const NAME = String.raw`[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?(?:\s+[A-Z][a-z]+)?`;
const HANDLE = String.raw`@[A-Za-z0-9][A-Za-z0-9_-]{0,38}`;

const PATTERNS: RegExp[] = [
  // "Alice broke", "Alice Smith accidentally deleted", "@bob forgot", "@bob deployed"
  new RegExp(String.raw`(?<![\w@/.-])(${NAME}|${HANDLE})\s+(?:(?:${adverbs})\s+)?(?:${verbs})\b`, "g"),
  new RegExp(String.raw`(?<![\w@/.-])(${HANDLE})\s+(?:(?:${adverbs})\s+)?[a-z]+ed\b`, "g"),
  // "Dave's push", "@bob's commit"
  new RegExp(String.raw`(?<![\w@/.-])(${NAME}|${HANDLE})'s\s+(?:${nouns})\b`, "g"),
  // "he forgot", "She pushed"
  new RegExp(String.raw`\b([Hh]e|[Ss]he)\s+(?:(?:${adverbs})\s+)?(?:${verbs})\b`, "g"),
];

function isPerson(subject: string): boolean {
  if (subject.startsWith("@") || /^(he|she)$/i.test(subject)) return true;
  const words = subject.split(/\s+/);
  return !NOT_PEOPLE.has(words[0]);
}

/** Phrases that name a person as the subject of a failure, in text order, without duplicates. */
export function findBlamingPhrases(text: string): BlameHint[] {
  const hints = new Map<number, BlameHint>();
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      let subject = m[1];
      let index = m.index;
      let phrase = m[0];
      // "Then Alice broke": drop a leading non-person word of a two-word match.
      const words = subject.split(/\s+/);
      if (words.length === 2 && NOT_PEOPLE.has(words[0]) && !NOT_PEOPLE.has(words[1])) {
        const cut = phrase.indexOf(words[1]);
        subject = words[1];
        index += cut;
        phrase = phrase.slice(cut);
      }
      if (!isPerson(subject) || hints.has(index)) continue;
      hints.set(index, { phrase, index });
    }
  }
  return [...hints.values()].sort((a, b) => a.index - b.index);
}

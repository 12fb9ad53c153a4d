// The ordered rule table. Order matters: the first rule that yields an event for a line wins, so
// ecosystem rules (which know more fields) come before the generic network/filesystem signals.
import { cargoRules } from "./cargo";
import { compilerRules } from "./compilers";
import { containerRules } from "./containers";
import { genericRules } from "./generic";
import { gitRules } from "./git";
import { goRules } from "./go";
import { jvmRules } from "./jvm";
import { networkRules } from "./network";
import { nodeRules } from "./node";
import { npmRules } from "./npm";
import { pipRules } from "./pip";
import { postgresRules } from "./postgres";
import type { Rule } from "./rule";
import { testRunnerRules } from "./test-runners";

// rustc's plain `error: msg` needs a `-->` location below it to be a diagnostic, so it is tried last:
// any rule that recognises the line itself should win.
const [rustPlain, cargoOthers] = [cargoRules.filter((r) => r.id === "rust.compile-error-plain"), cargoRules.filter((r) => r.id !== "rust.compile-error-plain")];

export const RULES: readonly Rule[] = [
  ...goRules,
  ...gitRules,
  ...npmRules,
  ...nodeRules,
  ...pipRules,
  ...containerRules,
  ...jvmRules,
  ...cargoOthers,
  ...postgresRules,
  ...testRunnerRules,
  ...compilerRules,
  ...networkRules,
  ...genericRules,
  ...rustPlain,
];

export type { Rule } from "./rule";

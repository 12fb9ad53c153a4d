// The gateway: every rule literal, plus the markers of CI structure and the escape character, compiled
// into one byte automaton. The line reader runs it over whole chunks and only decodes lines that contain
// one of them; all other lines are just counted.
import { buildAutomaton, type LiteralAutomaton } from "./literal-automaton";
import type { Rule } from "./rule";

// CI structure (steps, groups, annotations) must reach the slow path even without an error in them.
// ESC is included because colour codes can split a literal, so coloured lines are always decoded.
// A leading "\n" anchors a marker at the start of a line (the scan starts every line in the state
// reached after "\n"): Buildkite's `--- ` headers, not every YAML separator or `--- PASS` line.
const STRUCTURE = ["##[", "::error", "::warning", "::group", "::endgroup", "section_", "\n--- ", "\n+++ ", "\n~~~ ", "[Pipeline]", "\x1b"];

export function gatewayLiterals(rules: readonly Rule[]): string[] {
  return [...new Set([...rules.flatMap((r) => r.literals), ...STRUCTURE])];
}

export function buildGateway(rules: readonly Rule[]): LiteralAutomaton {
  return buildAutomaton(gatewayLiterals(rules), true);
}

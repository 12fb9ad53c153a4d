// axe (WCAG 2.x A/AA, 2.2 AA and best practices) on the page as it is now: one readable line per rule
// broken, with the elements it flagged, so `expect(...).toEqual([])` failures say what to fix.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? ""}`).join("\n")}`,
  );
}

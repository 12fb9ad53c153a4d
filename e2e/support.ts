import { fileURLToPath } from "node:url";
import path from "node:path";
import type { Page } from "@playwright/test";

/** The shared corpus of real tool output (read-only), beside the repository. */
export const CORPUS_DIR = process.env.FAULTLINE_CORPUS ?? fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
export const corpusFile = (name: string) => path.join(CORPUS_DIR, name);

const SHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

/** Full-page screenshots in light and dark, for people to look at. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

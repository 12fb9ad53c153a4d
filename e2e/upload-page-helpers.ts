// What the upload page specs share: dropping files on the drop zone the way a browser does, corpus
// files as drops, and finding one upload's card.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { corpusFile } from "./support";

export type DropFile = { name: string; base64: string; type?: string };

/** Drops files on the drop zone the way a browser does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFiles(page: Page, files: DropFile[]): Promise<void> {
  const zone = page.getByTestId("drop-zone");
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type ?? "text/plain" }));
    }
    return dt;
  }, files);
  await zone.dispatchEvent("dragenter", { dataTransfer });
  await zone.dispatchEvent("dragover", { dataTransfer });
  await expect(zone).toHaveAttribute("data-over", "true");
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect(zone).not.toHaveAttribute("data-over");
}

export const corpusDrop = async (name: string): Promise<DropFile> => ({ name: path.basename(name), base64: (await readFile(corpusFile(name))).toString("base64") });

/** The card of the upload whose heading (or file list) shows this exact file name. */
export const uploadItem = (page: Page, name: string) => page.getByTestId("upload-item").filter({ has: page.getByText(name, { exact: true }) }).first();

// A real strace dump (corpus strace-make-parallel-failure.txt: make -j2, one recipe's `cat` of a
// missing file fails while the other runs) becomes an incident whose page shows the process tree with
// the failing cat highlighted, where its path broke (the missing `config` directory under the cwd),
// the syscall summary and per-process swimlanes. axe finds nothing in either theme.
import { readFile } from "node:fs/promises";
import { axeViolations } from "./axe";
import { expect, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";
import { uploadAndWait } from "./upload-and-wait";

test("an strace incident shows its process tree, the failed path's resolution and swimlanes", async ({ page, request }) => {
  const { incidentId } = await uploadAndWait(request, "strace-make-parallel-failure.txt", await readFile(corpusFile("strace-make-parallel-failure.txt")));
  await page.goto(`/incidents/${incidentId}`);

  const trace = page.getByRole("region", { name: /^Trace/ });
  const tree = trace.getByRole("list", { name: "Process tree" });
  await expect(tree.getByRole("listitem")).toHaveCount(6);
  const failing = tree.locator("[data-failing]");
  await expect(failing).toHaveCount(1);
  await expect(failing).toHaveAttribute("data-pid", "22882");
  await expect(failing).toContainText("cat config/release-manifest.ini");
  await expect(failing).toContainText("exit 1");
  await expect(tree.locator('[data-pid="22879"]')).toContainText("make -j2");
  await expect(tree.locator('[data-pid="22879"]')).toContainText("exit 2");

  const root = trace.getByTestId("path-resolution").first();
  await expect(root).toHaveAttribute("data-root-cause", "true");
  await expect(root.getByTestId("missing-component")).toHaveText("config");
  await expect(root).toContainText("/srv/ci/dev/firmware-pack/config/release-manifest.ini");
  await expect(root).toContainText("cwd/srv/ci/dev/firmware-pack");
  await expect(root.getByRole("link", { name: "line 812" })).toHaveAttribute("href", /\/uploads\/[^/]+\/log#L812$/);

  await expect(trace.getByRole("table", { name: "Syscall summary" }).getByRole("row", { name: /^openat/ })).toBeVisible();

  const lanes = page.getByRole("figure", { name: "Events per process over time" });
  await expect(lanes).toBeVisible();
  for (const lane of ["22879 make", "22880 sh", "22882 cat"]) await expect(lanes.getByText(lane, { exact: true })).toBeVisible();
  await expect(lanes.locator(".recharts-scatter-symbol").first()).toBeVisible();

  await screenshotBoth(page, "incident-trace");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `strace incident page, ${scheme}`).toEqual([]);
  }

  await root.getByRole("link", { name: "line 812" }).click();
  await expect(page.locator("#L812")).toHaveAttribute("aria-current", "true");
  await expect(page.locator("#L812")).toContainText('openat(AT_FDCWD</srv/ci/dev/firmware-pack>, "config/release-manifest.ini"');
});

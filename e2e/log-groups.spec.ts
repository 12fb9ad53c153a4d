// The log viewer folds CI groups: a long GitHub Actions log opens with its uneventful steps collapsed
// and the failing step open; groups fold and unfold from the keyboard; a deep link into a folded group
// opens it; "show raw" unmasks what redaction hid. axe finds nothing in either theme.
import { axeViolations } from "./axe";
import { ciLogWithGroups, FAKE_CREDENTIAL } from "./ci-log-fixture";
import { expect, test } from "./fixtures";
import { screenshotBoth } from "./support";
import { uploadAndWait } from "./upload-and-wait";

test("CI groups fold, unfold by keyboard, open for deep links; raw text on demand", async ({ page, request }) => {
  const fx = await ciLogWithGroups();
  const { uploadId } = await uploadAndWait(request, `catalog-build-${Date.now().toString(36)}.log`, Buffer.from(fx.text));
  await page.goto(`/uploads/${uploadId}/log`);
  const download = page.getByRole("button", { name: /^Run go mod download/ });
  const build = page.getByRole("button", { name: /^Run go build \.\/\.\.\./ });
  // The failing step holds events and stays open; the long uneventful one starts folded.
  await expect(build).toHaveAttribute("aria-expanded", "true");
  await expect(download).toHaveAttribute("aria-expanded", "false");
  await expect(download).toHaveAccessibleName(/\(\d+ lines · \d+ ms\)$/);
  await expect(page.locator(`#L${fx.subGroup}`)).toHaveCount(0);
  await expect(page.locator(`#L${fx.buildStep + 3}`)).toHaveAttribute("data-event", "true");
  await expect(page.locator(`#L${fx.buildStep + 3}`)).toContainText("undefined: greet.Goodbye");
  // Header rows show the group's name, as the CI's own viewer does; the raw line is one toggle away.
  await expect(page.locator(`#L${fx.downloadStep}`)).toHaveText(/^\d+Run go mod download\d+ lines/);
  await screenshotBoth(page, "log-groups");

  // Keyboard: Enter opens the step, Space folds it again.
  await download.focus();
  await page.keyboard.press("Enter");
  await expect(download).toHaveAttribute("aria-expanded", "true");
  const sub = page.getByRole("button", { name: /^services\/svc-7: go mod download -x/ });
  await expect(sub).toHaveAttribute("aria-expanded", "false");
  await sub.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(`#L${fx.insideSubGroup}`)).toContainText("# get http://127.0.0.1:18081/");
  await page.keyboard.press(" ");
  await expect(sub).toHaveAttribute("aria-expanded", "false");
  await expect(page.locator(`#L${fx.insideSubGroup}`)).toHaveCount(0);
  await download.focus();
  await page.keyboard.press(" ");
  await expect(download).toHaveAttribute("aria-expanded", "false");

  // A deep link into a line inside two folded groups opens both and selects the line.
  await page.goto(`/uploads/${uploadId}/log#L${fx.insideSubGroup}`);
  const target = page.locator(`#L${fx.insideSubGroup}`);
  await expect(target).toHaveAttribute("aria-current", "true");
  await expect(target).toBeInViewport();
  await expect(page.getByRole("button", { name: /^Run go mod download/ })).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: /^services\/svc-7: go mod download -x/ })).toHaveAttribute("aria-expanded", "true");
  await screenshotBoth(page, "log-groups-deep-link");

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), `log viewer with groups, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // The credential's step is folded too: a hash change opens it. Redacted unless "show raw" is on.
  await page.evaluate((n) => void (location.hash = `#L${n}`), fx.credentialLine);
  const credential = page.locator(`#L${fx.credentialLine}`);
  await expect(credential).toContainText("[REDACTED:url-credential]");
  await page.getByLabel(/Show raw text/).check();
  await expect(credential).toContainText(FAKE_CREDENTIAL);
  await expect(page.locator(`#L${fx.downloadStep}`)).toContainText("Z ##[group]Run go mod download");
});

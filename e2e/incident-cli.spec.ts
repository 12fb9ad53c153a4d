// `faultline upload --wait` against the running server, as a CI job would call it, then the incident
// it names, opened in the browser.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, test } from "./fixtures";
import { corpusFile, screenshotBoth } from "./support";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

test("faultline upload --wait prints the incident, which the browser then shows", async ({ page, account, baseURL }) => {
  const mod = `github.com/e2e/cli${Math.random().toString(36).slice(2, 8)}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "faultline-e2e-cli-"));
  const log = path.join(dir, "1_build.txt");
  writeFileSync(log, readFileSync(corpusFile("go-checksum-mismatch.gha.log"), "utf8").replaceAll("github.com/acme/greet", mod));
  const args = ["bin/faultline.mjs", "upload", log, "--url", baseURL!, "--repo", "acme/ledger-cli", "--branch", "main", "--commit", "0123456789abcdef", "--wait", "--timeout", "60"];
  const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, FAULTLINE_TOKEN: account.token }, timeout: 90_000 });
  expect(stderr).toBe("");
  const doc = JSON.parse(stdout);
  expect(doc).toEqual({
    uploadId: expect.any(String),
    incidentId: expect.any(String),
    incidentUrl: `${baseURL}/incidents/${doc.incidentId}`,
    rootCause: { class: "checksum_mismatch", line: 4 },
  });

  await page.goto(doc.incidentUrl);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`checksum mismatch: ${mod}@v1.0.0 in ledger-cli`);
  // The job name came from the file name (`1_build.txt`), the times from the log's timestamps.
  await expect(page.getByTestId("impact-failed-jobs")).toContainText("build");
  await expect(page.getByTestId("timeline").locator('[data-kind="job-start"]')).toContainText("Job build started");
  await screenshotBoth(page, "incident-from-cli");

  // An unreadable file is a usage error: exit 2, nothing sent.
  const missing = await promisify(execFile)(process.execPath, ["bin/faultline.mjs", "upload", path.join(dir, "nope.log"), "--url", baseURL!, "--token", account.token], { cwd: REPO_ROOT }).catch((e) => e);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("cannot read");
});

// A long GitHub Actions job log with groups, composed from the corpus archive's real job log
// (gha-logs-catalog.zip, `1_build.txt`: steps go version, go mod download, go build with a compile
// error). The download step's real `# get` output is repeated per workspace module inside the tool's
// own `##[group]` sub-groups, as a `for m in …; do go mod download -x; done` loop would print it, so the
// log is long enough (> 300 lines) for uneventful groups to start collapsed. One line carries a URL
// credential so "show raw" has something to unmask.
import { openZip } from "../lib/analysis/input/zip-archive";
import { corpusFile } from "./support";

export const FAKE_CREDENTIAL = "Fake-" + "pw".repeat(8);
const MODULES = 24;

export interface CiLogFixture {
  text: string;
  /** Header lines of the steps and of one sub-group, a line inside that sub-group, the credential line. */
  downloadStep: number;
  buildStep: number;
  subGroup: number;
  insideSubGroup: number;
  credentialLine: number;
}

async function jobLog(): Promise<string[]> {
  const zip = await openZip(corpusFile("gha-logs-catalog.zip"));
  try {
    const parts: Buffer[] = [];
    for await (const piece of await zip.open("1_build.txt")) parts.push(piece as Buffer);
    return Buffer.concat(parts).toString("utf8").replace(/\n$/, "").split("\n");
  } finally {
    zip.close();
  }
}

export async function ciLogWithGroups(): Promise<CiLogFixture> {
  const job = await jobLog();
  const at = (name: string) => job.findIndex((l) => l.endsWith(`##[group]${name}`));
  const download = at("Run go mod download");
  const build = at("Run go build ./...");
  const stamp = job[0].slice(0, 29); // "2026-11-20T22:06:36.0309129Z "
  const gets = job.slice(download + 2, build);
  const lines = [...job.slice(0, download)];
  const credentialLine = lines.length + 1;
  lines.push(`${stamp}git config --global url."https://bot:${FAKE_CREDENTIAL}@git.example.com/".insteadOf "https://github.com/"`);
  const downloadStep = lines.length + 1;
  lines.push(job[download], job[download + 1]);
  let subGroup = 0;
  for (let m = 1; m <= MODULES; m++) {
    if (m === 7) subGroup = lines.length + 1;
    lines.push(`${gets[0].slice(0, 29)}##[group]services/svc-${m}: go mod download -x`, ...gets, `${gets[gets.length - 1].slice(0, 29)}##[endgroup]`);
  }
  const buildStep = lines.length + 1;
  lines.push(...job.slice(build));
  return { text: lines.join("\n") + "\n", downloadStep, buildStep, subGroup, insideSubGroup: subGroup + 5, credentialLine };
}

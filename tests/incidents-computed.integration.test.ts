// What an incident computes when read, on a real Postgres: impact numbers, the timeline on one clock
// across builds, metadata taken from file names and from the log, manual notes and impact rows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "../lib/db/client";
import { addImpactRow } from "../lib/services/add-impact-row";
import { addTimelineNote } from "../lib/services/add-timeline-note";
import { analyzeUpload } from "../lib/services/analyze-upload";
import { getIncident } from "../lib/services/get-incident";
import { listIncidents } from "../lib/services/list-incidents";
import { removeImpactRow } from "../lib/services/remove-impact-row";
import { connectTestDatabase } from "./support/db";
import { CORPUS_DIR, corpusText, createTestTeam, textFile, uploadFiles } from "./support/upload-factory";

connectTestDatabase();

async function analysed(teamId: string, name: string, text: string, metadata: Record<string, string> = {}) {
  const up = await uploadFiles(teamId, [textFile(name, text)], metadata);
  const result = await analyzeUpload({ uploadId: up.id });
  return { uploadId: up.id, incidentId: result.incidentId! };
}

const vary = (text: string) => `${text}\n# ${Math.random().toString(36).slice(2)}\n`;

describe("impact", () => {
  it("counts runs, jobs, repos, branches, modules, occurrences and runner-minutes of the failed builds", async () => {
    const teamId = await createTestTeam();
    const log = corpusText("go-checksum-mismatch.log");
    const run = "https://github.com/acme/ledger/actions/runs/1";
    const u1 = await analysed(teamId, "a.log", vary(log), { repo: "acme/ledger", branch: "main", job: "build", runUrl: run, startedAt: "2026-11-20T10:00:00Z", finishedAt: "2026-11-20T10:06:00Z" });
    const u2 = await analysed(teamId, "b.log", vary(log), { repo: "acme/ledger", branch: "feature", job: "test", runUrl: run, startedAt: "2026-11-20T10:00:00Z", finishedAt: "2026-11-20T10:03:00Z" });
    const u3 = await analysed(teamId, "c.log", vary(log), { repo: "acme/api", branch: "main" });
    expect(new Set([u1.incidentId, u2.incidentId, u3.incidentId]).size).toBe(1);
    const view = await getIncident({ incidentId: u1.incidentId, teamId });
    const impact = view.impact;
    expect(impact).toMatchObject({
      builds: 3,
      failedRuns: 2, // run 1 (two jobs) and the build with no run
      failedJobs: 3,
      jobs: [{ value: "build", builds: 1 }, { value: "test", builds: 1 }],
      repos: [{ value: "acme/ledger", builds: 2 }, { value: "acme/api", builds: 1 }],
      branches: [{ value: "main", builds: 2 }, { value: "feature", builds: 1 }],
      occurrences: 3,
      runnerMinutesLost: 9,
      runnerMinutesKnownFor: 2,
      hosts: [],
      paths: [],
    });
    expect(impact.modules).toEqual([{ value: "github.com/acme/greet@v1.0.0", builds: 3, occurrences: 3 }]);
    // First seen: the earliest build's time (no log timestamps: when its job finished); last: the undated build's upload.
    expect(impact.firstSeenAt).toBe("2026-11-20T10:03:00.000Z");
    expect(impact.lastSeenAt).toBe(view.uploads.find((u) => u.id === u3.uploadId)!.createdAt);
    expect(impact.durationMs).toBe(Date.parse(impact.lastSeenAt) - Date.parse(impact.firstSeenAt));

    const summary = (await listIncidents({ teamId })).items[0];
    expect(summary).toMatchObject({
      id: u1.incidentId,
      rootCause: { class: "checksum_mismatch", line: 2, file: null, uploadId: u1.uploadId },
      impact: { builds: 3, failedRuns: 2, repos: 2, branches: 2, runnerMinutesLost: 9 },
    });
  });

  it("names the hosts and paths the events hit", async () => {
    const teamId = await createTestTeam();
    const proxy = await analysed(teamId, "proxy.log", corpusText("go-proxy-403.log"));
    expect((await getIncident({ incidentId: proxy.incidentId, teamId })).impact.hosts).toEqual([{ value: "127.0.0.1", builds: 1, occurrences: 1 }]);
    const enoent = await analysed(teamId, "enoent.log", corpusText("node-config-enoent.log"));
    const paths = (await getIncident({ incidentId: enoent.incidentId, teamId })).impact.paths;
    expect(paths.length).toBeGreaterThan(0);
    expect(paths[0].value).toMatch(/\//);
  });

  it("keeps manual impact rows beside the computed ones", async () => {
    const teamId = await createTestTeam();
    const { incidentId } = await analysed(teamId, "a.log", corpusText("go-proxy-403.log"));
    const row = await addImpactRow({ teamId, incidentId, row: { label: "Deploys blocked", value: "3 (payments, search, web)" } });
    await expect(addImpactRow({ teamId, incidentId, row: { label: " ", value: "x" } })).rejects.toThrow(/label/);
    expect((await getIncident({ incidentId, teamId })).impact.manual).toEqual([row]);
    await expect(removeImpactRow({ teamId: await createTestTeam(), incidentId, rowId: row.id })).rejects.toThrow(/not found/);
    await removeImpactRow({ teamId, incidentId, rowId: row.id });
    expect((await getIncident({ incidentId, teamId })).impact.manual).toEqual([]);
  });
});

describe("timeline", () => {
  it("orders job starts, steps, events, job ends and notes of several builds on one clock", async () => {
    const teamId = await createTestTeam();
    // Build 1: a GitHub Actions log, so its times come from the log itself (no metadata given).
    const gha = await analysed(teamId, "job.log", vary(corpusText("go-checksum-mismatch.gha.log")), { repo: "acme/ledger" });
    const row = await db().upload.findUniqueOrThrow({ where: { id: gha.uploadId } });
    expect(row).toMatchObject({ ciProvider: "github-actions", startedAt: new Date("2026-11-20T22:02:24.568Z"), finishedAt: new Date("2026-11-20T22:02:24.576Z") });
    expect(row.steps).toEqual([{ name: "Run go build ./...", startLine: 1, endLine: 16 /* to the end of the log */, startedAt: "2026-11-20T22:02:24.5680529Z", endedAt: "2026-11-20T22:02:24.5765512Z", failed: true }]);
    // Build 2: a plain log with no timestamps, which ran earlier: its events sit at its job's end.
    const plain = await analysed(teamId, "plain.log", vary(corpusText("go-checksum-mismatch.log")), {
      repo: "acme/api",
      job: "build",
      startedAt: "2026-11-20T21:00:00Z",
      finishedAt: "2026-11-20T21:05:00Z",
    });
    expect(plain.incidentId).toBe(gha.incidentId);
    await addTimelineNote({ teamId, incidentId: gha.incidentId, note: { text: "pinned the module version", at: "2026-11-20T21:30:00Z" } });
    await expect(addTimelineNote({ teamId, incidentId: gha.incidentId, note: { text: "  " } })).rejects.toThrow(/text/);

    const { timeline } = await getIncident({ incidentId: gha.incidentId, teamId });
    expect(timeline.map((t) => [t.at, t.kind, t.uploadId === gha.uploadId ? "gha" : t.uploadId === plain.uploadId ? "plain" : null, t.title])).toEqual([
      ["2026-11-20T21:00:00.000Z", "job-start", "plain", "Job build started"],
      ["2026-11-20T21:05:00.000Z", "event", "plain", "checksum mismatch: verifying github.com/acme/greet@v1.0.0: checksum mismatch"],
      ["2026-11-20T21:05:00.000Z", "job-end", "plain", "Job build failed"],
      ["2026-11-20T21:30:00.000Z", "note", null, "pinned the module version"],
      ["2026-11-20T22:02:24.568Z", "job-start", "gha", "The job started"],
      ["2026-11-20T22:02:24.568Z", "step", "gha", "Run go build ./..."],
      ["2026-11-20T22:02:24.575Z", "event", "gha", "checksum mismatch: verifying github.com/acme/greet@v1.0.0: checksum mismatch"],
      ["2026-11-20T22:02:24.576Z", "event", "gha", expect.stringMatching(/^process exited/)],
      ["2026-11-20T22:02:24.576Z", "job-end", "gha", "The job failed"],
    ]);
    const plainEvent = timeline[1];
    expect(plainEvent).toMatchObject({ approximate: true, class: "checksum_mismatch", line: 2, count: 1 });
    expect(timeline[6]).toMatchObject({ approximate: false, line: 4, file: null });
    expect(timeline[5]).toMatchObject({ failed: true, line: 1, endLine: 16, endAt: "2026-11-20T22:02:24.576Z" });
  });

  it("takes run id, job and times of a GitHub Actions run archive from its name and its steps", async () => {
    const teamId = await createTestTeam();
    const bytes = readFileSync(path.join(CORPUS_DIR, "gha-logs-catalog.zip"));
    const up = await uploadFiles(teamId, [{ name: "logs_987654.zip", stream: (async function* () { yield bytes; })() }], { repo: "acme/catalog" });
    expect(await db().upload.findUniqueOrThrow({ where: { id: up.id } })).toMatchObject({ runId: "987654", ciProvider: "github-actions", job: null });
    const { incidentId } = await analyzeUpload({ uploadId: up.id }).then((r) => ({ incidentId: r.incidentId! }));
    const row = await db().upload.findUniqueOrThrow({ where: { id: up.id } });
    expect(row.startedAt?.toISOString()).toBe("2026-11-20T22:06:36.030Z");
    expect(row.finishedAt?.toISOString()).toBe("2026-11-20T22:06:36.643Z");
    expect(row.job).toBeNull(); // two jobs failed in it: build and frontend
    const view = await getIncident({ incidentId, teamId });
    expect(view.impact).toMatchObject({ failedRuns: 1, failedJobs: 2, jobs: [{ value: "build", builds: 1 }, { value: "frontend", builds: 1 }] });
    expect(view.uploads[0]).toMatchObject({ runId: "987654", failedJobs: ["build", "frontend"] });
    const steps = view.timeline.filter((t) => t.kind === "step").map((t) => t.title);
    expect(steps).toEqual(["build › Run go version", "build › Run go mod download", "build › Run go build ./...", "frontend › Run node --version", "frontend › Run npm install"]);

    const job = await uploadFiles(teamId, [textFile("3_build.txt", vary(corpusText("go-proxy-403.log")))]);
    expect(await db().upload.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ job: "build", ciProvider: "github-actions" });
    // Given metadata wins over what the names say.
    const given = await uploadFiles(teamId, [textFile("3_build.txt", vary(corpusText("go-proxy-403.log")))], { job: "compile", ciProvider: "buildkite" });
    expect(await db().upload.findUniqueOrThrow({ where: { id: given.id } })).toMatchObject({ job: "compile", ciProvider: "buildkite" });
  });
});

import { describe, expect, it } from "vitest";
import type { IncidentEventView } from "@/lib/services/get-incident";
import { groupEvents, groupEventsByClass } from "./group-events";

const ev = (over: Partial<IncidentEventView>): IncidentEventView => ({
  id: "1", uploadId: "u1", class: "checksum_mismatch", line: 2, endLine: 4, file: null, step: null, timestamp: null,
  seenAt: "2026-11-20T10:00:00.000Z", message: "m", fields: {}, fingerprint: "f1", count: 1, runbookId: null, isRootCause: false, ...over,
});

describe("groupEvents", () => {
  it("folds one failure seen in several uploads and keeps the first occurrence", () => {
    const groups = groupEvents([
      ev({ id: "1", uploadId: "u1", count: 2, isRootCause: true }),
      ev({ id: "2", uploadId: "u2", line: 9, count: 1, seenAt: "2026-11-21T08:00:00.000Z" }),
      ev({ id: "3", uploadId: "u2", class: "process_exit", fingerprint: "f2" }),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ count: 3, uploads: 2, isRootCause: true, firstSeenAt: "2026-11-20T10:00:00.000Z", lastSeenAt: "2026-11-21T08:00:00.000Z" });
    expect(groups[0].first.id).toBe("1");
    expect(groups[1].first.class).toBe("process_exit");
  });

  it("keeps different classes with the same fingerprint apart", () => {
    expect(groupEvents([ev({}), ev({ class: "timeout" })])).toHaveLength(2);
  });
});

describe("groupEventsByClass", () => {
  it("puts the root cause's class first, then classes by how often they were stated", () => {
    const sections = groupEventsByClass([
      ev({ id: "1", class: "timeout", fingerprint: "t1", count: 5 }),
      ev({ id: "2", class: "dns_failure", fingerprint: "d1", count: 1, isRootCause: true, seenAt: "2026-11-20T09:00:00.000Z" }),
      ev({ id: "3", class: "timeout", fingerprint: "t2", uploadId: "u2", count: 2, seenAt: "2026-11-22T00:00:00.000Z" }),
      ev({ id: "4", class: "process_exit", fingerprint: "p1", count: 1 }),
    ]);
    expect(sections.map((s) => s.class)).toEqual(["dns_failure", "timeout", "process_exit"]);
    expect(sections[1]).toMatchObject({ count: 7, uploads: 2, firstSeenAt: "2026-11-20T10:00:00.000Z", lastSeenAt: "2026-11-22T00:00:00.000Z" });
    expect(sections[1].groups.map((g) => g.first.id)).toEqual(["1", "3"]);
  });

  it("puts root-cause rows first within a class and caps rows per class, totals exact", () => {
    const events = [
      ev({ id: "1", fingerprint: "a", count: 2 }),
      ev({ id: "2", fingerprint: "b", count: 3 }),
      ev({ id: "3", fingerprint: "c", count: 4, isRootCause: true }),
      ev({ id: "4", fingerprint: "a", uploadId: "u2", count: 1 }),
    ];
    const [all] = groupEventsByClass(events);
    expect(all.groups.map((g) => g.first.id)).toEqual(["3", "1", "2"]);
    const [capped] = groupEventsByClass(events, 2);
    expect(capped).toMatchObject({ count: 10, uploads: 2, distinct: 3, isRootCause: true });
    expect(capped.groups.map((g) => g.first.id)).toEqual(["3", "1"]);
  });
});


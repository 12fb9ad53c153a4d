import { describe, expect, it } from "vitest";
import type { IncidentEventView } from "@/lib/services/get-incident";
import { groupEvents } from "./group-events";

const ev = (over: Partial<IncidentEventView>): IncidentEventView => ({
  id: "1", uploadId: "u1", class: "checksum_mismatch", line: 2, endLine: 4, file: null, step: null, timestamp: null,
  message: "m", fields: {}, fingerprint: "f1", count: 1, runbookId: null, isRootCause: false, ...over,
});

describe("groupEvents", () => {
  it("folds one failure seen in several uploads and keeps the first occurrence", () => {
    const groups = groupEvents([
      ev({ id: "1", uploadId: "u1", count: 2, isRootCause: true }),
      ev({ id: "2", uploadId: "u2", line: 9, count: 1 }),
      ev({ id: "3", uploadId: "u2", class: "process_exit", fingerprint: "f2" }),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ count: 3, uploads: 2, isRootCause: true });
    expect(groups[0].first.id).toBe("1");
    expect(groups[1].first.class).toBe("process_exit");
  });

  it("keeps different classes with the same fingerprint apart", () => {
    expect(groupEvents([ev({}), ev({ class: "timeout" })])).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import type { TimelineItem } from "@/lib/services/get-incident";
import { capTimelineEvents } from "./timeline-list-data";

const item = (id: string, kind: string): TimelineItem => ({
  id, at: "2026-11-20T10:00:00.000Z", endAt: null, kind, title: id, detail: null, class: null, count: null, failed: false, approximate: false, uploadId: null, file: null, line: null, endLine: null,
});

describe("capTimelineEvents", () => {
  it("keeps every non-event entry and the first events, in order", () => {
    const items = [item("s", "job-start"), item("e1", "event"), item("n", "note"), item("e2", "event"), item("e3", "event"), item("end", "job-end")];
    expect(capTimelineEvents(items, 2)).toEqual({ items: [items[0], items[1], items[2], items[3], items[5]], omittedEvents: 1 });
    expect(capTimelineEvents(items, 5)).toEqual({ items, omittedEvents: 0 });
  });
});

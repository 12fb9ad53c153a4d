import { describe, expect, it } from "vitest";
import { formatSize } from "./format-size";

describe("formatSize", () => {
  it("uses bytes below 1 KiB, then one decimal below 10 units", () => {
    expect(formatSize(0)).toBe("0 B");
    expect(formatSize(1023)).toBe("1023 B");
    expect(formatSize(1536)).toBe("1.5 KiB");
    expect(formatSize(200 * 1024)).toBe("200 KiB");
    expect(formatSize(2 * 1024 ** 3)).toBe("2.0 GiB");
  });
});

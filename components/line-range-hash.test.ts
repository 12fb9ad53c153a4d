import { expect, it } from "vitest";
import { formatLineHash, parseLineHash } from "./line-range-hash";

it("parses and formats single lines and ranges, rejecting junk", () => {
  expect(parseLineHash("#L120-L135")).toEqual({ from: 120, to: 135 });
  expect(parseLineHash("#L135-L120")).toEqual({ from: 120, to: 135 });
  expect(parseLineHash("#L7")).toEqual({ from: 7, to: 7 });
  expect(parseLineHash("#L0")).toBeNull();
  expect(parseLineHash("#foo")).toBeNull();
  expect(formatLineHash({ from: 3, to: 3 })).toBe("#L3");
  expect(formatLineHash({ from: 3, to: 9 })).toBe("#L3-L9");
});

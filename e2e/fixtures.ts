// The one place e2e specs get `test` and `expect` from, so that cross-cutting setup (signing in,
// API tokens) applies to every spec. Specs import from "./fixtures", never from "@playwright/test".
import { test as base, expect } from "@playwright/test";

export const test = base;
export { expect };

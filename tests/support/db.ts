// Points lib/db at the test database given by the integration global setup.
import { inject } from "vitest";
import { setDatabaseUrl } from "../../lib/env";

export function connectTestDatabase(): string {
  const url = inject("databaseUrl");
  setDatabaseUrl(url);
  return url;
}

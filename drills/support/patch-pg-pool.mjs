// Diagnostic only (`npm run drill -- --patch pg-pool`): simulates the proposed fix for node-postgres
// pools without an 'error' listener (lib/db/pg-pool.ts), in the server's processes, so a drill can
// show what else it finds once that crash is gone. Loaded with NODE_OPTIONS=--import.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pg = require("pg");
const Base = pg.Pool;
pg.Pool = class PatchedPool extends Base {
  constructor(...args) {
    super(...args);
    if (this.listenerCount("error") === 0) this.on("error", (err) => console.error(`[drill patch] idle Postgres client error: ${err.message}`));
  }
};

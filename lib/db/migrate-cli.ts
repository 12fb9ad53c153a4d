// `npm run migrate`: apply pending migrations to DATABASE_URL (or the embedded server) and exit.
import { prepareDatabase } from "./bootstrap";

const ready = await prepareDatabase();
await ready.embedded?.stop();

// Prints the full DDL for prisma/schema.prisma, to draft a migration where `prisma migrate diff`
// cannot run (no schema engine offline). For a change, copy only the new statements into
// prisma/migrations/<timestamp>_<name>/migration.sql; the drift test checks the result.
import { loadDmmf, renderDdl } from "../tests/support/schema-ddl";

process.stdout.write(renderDdl(await loadDmmf()));

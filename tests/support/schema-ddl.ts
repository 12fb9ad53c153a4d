// Renders the DDL Prisma's migrate would write for prisma/schema.prisma (PostgreSQL), from the
// schema's DMMF. Used to draft new migrations offline (`npm run db:sql`) and by the drift test,
// which compares a database built from this DDL with one built from prisma/migrations.
import { readFileSync } from "node:fs";
import internals from "@prisma/internals";

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = DMMF["datamodel"]["models"][number];
type Field = Model["fields"][number];

const SCALAR_SQL: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Boolean: "BOOLEAN",
  DateTime: "TIMESTAMP(3)",
  Json: "JSONB",
  Bytes: "BYTEA",
  Float: "DOUBLE PRECISION",
  Decimal: "DECIMAL(65,30)",
};

const q = (name: string) => `"${name}"`;
const cols = (names: readonly string[]) => names.map(q).join(", ");
const tableOf = (m: Model) => m.dbName ?? m.name;

function columnType(f: Field): string {
  const dflt = f.default as { name?: string } | undefined;
  if (dflt && typeof dflt === "object" && dflt.name === "autoincrement") {
    return f.type === "BigInt" ? "BIGSERIAL" : "SERIAL";
  }
  const base = f.kind === "enum" ? q(f.type) : SCALAR_SQL[f.type];
  if (!base) throw new Error(`No SQL type for ${f.type}`);
  return f.isList ? `${base}[]` : base;
}

function columnDefault(f: Field): string {
  const d = f.default as unknown;
  if (d === undefined || d === null) return "";
  if (typeof d === "object" && !Array.isArray(d)) {
    const name = (d as { name: string }).name;
    if (name === "now") return " DEFAULT CURRENT_TIMESTAMP";
    return ""; // cuid(), uuid(), autoincrement() have no database default
  }
  if (typeof d === "string") return ` DEFAULT '${d.replace(/'/g, "''")}'`;
  return ` DEFAULT ${String(d)}`;
}

function referentialAction(a: string | undefined, fallback: string): string {
  const map: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", SetNull: "SET NULL", NoAction: "NO ACTION", SetDefault: "SET DEFAULT" };
  return a ? map[a] : fallback;
}

export async function loadDmmf(schemaPath = "prisma/schema.prisma"): Promise<DMMF> {
  return internals.getDMMF({ datamodel: readFileSync(schemaPath, "utf8") });
}

export function renderDdl(dmmf: DMMF): string {
  const out: string[] = [];
  // Trigram operator classes come from the pg_trgm extension (Prisma leaves extensions to migrations
  // unless the postgresqlExtensions preview is on).
  const usesTrgm = dmmf.datamodel.indexes.some((i) => i.fields.some((f) => /trgm/.test((f as { operatorClass?: string }).operatorClass ?? "")));
  if (usesTrgm) out.push(`-- CreateExtension\nCREATE EXTENSION IF NOT EXISTS "pg_trgm";`);
  for (const e of dmmf.datamodel.enums) {
    out.push(`-- CreateEnum\nCREATE TYPE ${q(e.dbName ?? e.name)} AS ENUM (${e.values.map((v) => `'${v.dbName ?? v.name}'`).join(", ")});`);
  }
  const byName = new Map(dmmf.datamodel.models.map((m) => [m.name, m]));
  for (const m of dmmf.datamodel.models) {
    const lines = m.fields
      .filter((f) => f.kind !== "object")
      .map((f) => `    ${q(f.dbName ?? f.name)} ${columnType(f)}${f.isRequired && !f.isList ? " NOT NULL" : ""}${columnDefault(f)}`);
    const pk = dmmf.datamodel.indexes.find((i) => i.model === m.name && i.type === "id");
    const pkCols = pk ? pk.fields.map((f) => q(f.name)).join(",") : "";
    const body = pk ? `${lines.join(",\n")},\n\n    CONSTRAINT ${q(pk.dbName ?? `${tableOf(m)}_pkey`)} PRIMARY KEY (${pkCols})` : lines.join(",\n");
    out.push(`-- CreateTable\nCREATE TABLE ${q(tableOf(m))} (\n${body}\n);`);
  }
  for (const i of dmmf.datamodel.indexes) {
    if (i.type !== "unique" && i.type !== "normal") continue;
    const m = byName.get(i.model)!;
    const names = i.fields.map((f) => f.name);
    const suffix = i.type === "unique" ? "key" : "idx";
    const name = i.dbName ?? `${tableOf(m)}_${names.join("_")}_${suffix}`;
    // `type: Gin` etc. and per-field operator classes (`title(ops: raw("gin_trgm_ops"))`), as Prisma writes them.
    const { algorithm } = i as { algorithm?: string };
    const using = algorithm && algorithm !== "BTree" ? ` USING ${algorithm.toUpperCase()} ` : "";
    const fieldSql = i.fields.map((f) => {
      const ops = (f as { operatorClass?: string }).operatorClass;
      return ops ? `${q(f.name)} ${ops}` : q(f.name);
    });
    out.push(`-- CreateIndex\nCREATE ${i.type === "unique" ? "UNIQUE " : ""}INDEX ${q(name)} ON ${q(tableOf(m))}${using}(${fieldSql.join(", ")});`);
  }
  for (const m of dmmf.datamodel.models) {
    for (const f of m.fields) {
      if (f.kind !== "object" || !f.relationFromFields?.length) continue;
      const target = byName.get(f.type)!;
      const optional = !f.isRequired;
      const onDelete = referentialAction(f.relationOnDelete, optional ? "SET NULL" : "RESTRICT");
      const name = `${tableOf(m)}_${f.relationFromFields.join("_")}_fkey`;
      out.push(
        `-- AddForeignKey\nALTER TABLE ${q(tableOf(m))} ADD CONSTRAINT ${q(name)} FOREIGN KEY (${cols(f.relationFromFields)}) ` +
          `REFERENCES ${q(tableOf(target))}(${cols(f.relationToFields ?? [])}) ON DELETE ${onDelete} ON UPDATE CASCADE;`,
      );
    }
  }
  return out.join("\n\n") + "\n";
}

// The built-in catalogue covers everything the analyzer can point at, and every template is well formed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../analysis/rules";
import { EventList, RULE_RUNBOOKS } from "../analysis/strace/event-list";
import { EVENT_CLASSES, type EventClass } from "../analysis/types";
import { BUILTIN_RUNBOOKS, builtinRunbook, CLASS_FALLBACK, classKey, runbookFor, UNKNOWN_FALLBACK } from "./index";
import { PLACEHOLDERS } from "./placeholders";
import { placeholdersIn, renderRunbook } from "./render";
import { validateRunbookContent } from "./schema";
import { SECTIONS } from "./types";

const analysisDir = fileURLToPath(new URL("../analysis/", import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** Every `runbookId: "..."` literal in the analyzer's sources (also rules not registered in RULES yet). */
function runbookIdsInSources(): Set<string> {
  const ids = new Set<string>();
  for (const file of sourceFiles(analysisDir)) {
    for (const m of readFileSync(file, "utf8").matchAll(/runbookId:\s*["'`]([^"'`$]+)["'`]/g)) ids.add(m[1]);
  }
  return ids;
}

/** The runbook id the strace analyzer gives an event of each class it can emit. */
function straceRunbookIds(): Map<EventClass, string> {
  const straceSource = sourceFiles(path.join(analysisDir, "strace"))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
  const classes = EVENT_CLASSES.filter((c) => straceSource.includes(`"${c}"`));
  const out = new Map<EventClass, string>();
  for (const cls of classes) {
    const list = new EventList();
    list.add({ cls, ruleId: "test", line: 1, fileIndex: 0, seq: 0, message: "m", fields: {}, target: "t", tgid: 1 });
    const id = list.finish().events[0].runbookId;
    if (id) out.set(cls, id);
  }
  return out;
}

describe("coverage of the analyzer's runbook ids", () => {
  it("finds the rule tables (guards against an empty scan passing vacuously)", () => {
    expect(RULES.filter((r) => r.runbookId).length).toBeGreaterThan(40);
    expect(runbookIdsInSources().size).toBeGreaterThan(40);
  });

  it("has a runbook for every runbookId a rule uses", () => {
    const ids = new Set([...RULES.flatMap((r) => (r.runbookId ? [r.runbookId] : [])), ...runbookIdsInSources()]);
    const missing = [...ids].filter((id) => !builtinRunbook(id));
    expect(missing).toEqual([]);
  });

  it("shows a rule's own runbook (or its class variant) for the rule's static class", () => {
    const wrong: string[] = [];
    for (const rule of RULES) {
      if (!rule.runbookId || typeof rule.class !== "string") continue;
      const got = runbookFor({ runbookId: rule.runbookId, class: rule.class });
      const variant = builtinRunbook(`${rule.runbookId}.${classKey(rule.class)}`);
      if (got.id !== rule.runbookId && got !== variant) wrong.push(`${rule.id} (${rule.class}) → ${got.id}`);
    }
    expect(wrong).toEqual([]);
  });

  it("has a runbook for every class the strace analyzer emits, under the id it assigns", () => {
    const ids = straceRunbookIds();
    expect(ids.size).toBeGreaterThanOrEqual(9);
    for (const [cls, id] of ids) {
      const rb = builtinRunbook(id);
      expect(rb, id).toBeDefined();
      expect(rb!.ecosystem).toBe("strace");
      expect(rb!.classes).toContain(cls);
      expect(runbookFor({ runbookId: id, class: cls })).toBe(rb);
    }
  });
});

describe("strace rules with runbooks of their own", () => {
  const classOf: Record<string, EventClass> = {
    "strace.fd-exhausted": "out_of_memory",
    "strace.tls-alert": "tls_error",
    "strace.postgres-database-missing": "not_found",
    "strace.postgres-auth-failed": "http_401",
  };

  it.each(Object.entries(RULE_RUNBOOKS))("%s shows %s, written for its class", (ruleId, id) => {
    const cls = classOf[ruleId];
    expect(cls, `class of ${ruleId}`).toBeDefined();
    const list = new EventList();
    list.add({ cls, ruleId, line: 1, fileIndex: 0, seq: 0, message: "m", fields: {}, target: "t", tgid: 1 });
    const event = list.finish().events[0];
    expect(event.runbookId).toBe(id);
    const rb = builtinRunbook(id);
    expect(rb, id).toBeDefined();
    expect(runbookFor({ runbookId: id, class: cls })).toBe(rb);
  });
});

describe("class fallbacks", () => {
  it.each(EVENT_CLASSES)("%s has a fallback written for it", (cls) => {
    const rb = builtinRunbook(CLASS_FALLBACK[cls]);
    expect(rb).toBeDefined();
    expect(rb!.classes).toContain(cls);
    expect(runbookFor({ class: cls })).toBe(rb);
    expect(runbookFor({ runbookId: "no-such-runbook", class: cls })).toBe(rb);
  });

  it("uses the class fallback when the rule's runbook is written for other classes", () => {
    // go-test-failure is about test failures; a disk_full event pointing at it gets the disk runbook.
    expect(runbookFor({ runbookId: "go-test-failure", class: "disk_full" }).id).toBe("disk-full");
  });

  it("picks class variants of catch-all runbooks", () => {
    expect(runbookFor({ runbookId: "npm-error", class: "http_401" }).id).toBe("npm-unauthorized");
    expect(runbookFor({ runbookId: "npm-error", class: "version_conflict" }).id).toBe("npm-eresolve");
    expect(runbookFor({ runbookId: "go-proxy-http-error", class: "not_found" }).id).toBe("go-module-not-found");
    expect(runbookFor({ runbookId: "go-proxy-http-error", class: "http_403" }).id).toBe("go-proxy-http-error");
    expect(runbookFor({ runbookId: "go-proxy-http-error", class: "rate_limited" }).id).toBe("rate-limited");
  });

  it("never leaves an event without a runbook", () => {
    expect(runbookFor({}).id).toBe(UNKNOWN_FALLBACK);
    expect(runbookFor({ class: "something_new" }).id).toBe(UNKNOWN_FALLBACK);
    expect(runbookFor({ runbookId: "go-checksum-mismatch", class: "something_new" }).id).toBe("go-checksum-mismatch");
  });
});

describe("catalogue integrity", () => {
  it("has unique ids and aliases", () => {
    const keys = BUILTIN_RUNBOOKS.flatMap((r) => [r.id, ...(r.aliases ?? [])]);
    const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dupes).toEqual([]);
  });

  it.each(BUILTIN_RUNBOOKS.map((r) => [r.id, r] as const))("%s is valid editable content with real steps", (_, rb) => {
    const content = { title: rb.title, summary: rb.summary, diagnose: rb.diagnose, fix: rb.fix, prevent: rb.prevent };
    const r = validateRunbookContent(content);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(rb.diagnose.length + rb.fix.length + rb.prevent.length).toBeGreaterThanOrEqual(3);
    expect(rb.fix.length).toBeGreaterThan(0);
  });

  it("uses only known placeholders and condition fields", () => {
    const unknown: string[] = [];
    for (const rb of BUILTIN_RUNBOOKS) {
      const texts = [rb.title, rb.summary, ...SECTIONS.flatMap((s) => rb[s].flatMap((st) => [st.text, st.command ?? ""]))];
      for (const name of texts.flatMap(placeholdersIn)) if (!(name in PLACEHOLDERS)) unknown.push(`${rb.id}: {${name}}`);
      for (const st of SECTIONS.flatMap((s) => rb[s])) for (const w of st.when ?? []) if (!(w in PLACEHOLDERS)) unknown.push(`${rb.id}: when ${w}`);
    }
    expect(unknown).toEqual([]);
  });

  it("puts every placeholder of every built-in command where a hostile value can be quoted", () => {
    // Hostile values for all placeholders: nothing may be withheld, i.e. no built-in template puts a
    // placeholder inside $(...), backticks or a heredoc where the renderer cannot make it inert.
    const hostile = Object.fromEntries(Object.keys(PLACEHOLDERS).map((k) => [k, `x$(touch /tmp/pwned-${k})'"\`y`]));
    const withheld: string[] = [];
    for (const rb of BUILTIN_RUNBOOKS) {
      const r = renderRunbook(rb, hostile, { allSteps: true });
      for (const st of SECTIONS.flatMap((s) => r[s])) for (const w of st.withheld) withheld.push(`${rb.id}: ${w}`);
      expect(r.missing).toEqual([]);
    }
    expect(withheld).toEqual([]);
  });

  it("never recommends disabling verification or sudo npm in a command", () => {
    const bad = [/GOFLAGS=-insecure/, /GONOSUMCHECK/, /GOSUMDB=off/, /strict-ssl[= ]false/, /GIT_SSL_NO_VERIFY/, /--trusted-host/, /sudo npm/, /curl -k\b/, /--insecure/];
    const hits: string[] = [];
    for (const rb of BUILTIN_RUNBOOKS) for (const st of SECTIONS.flatMap((s) => rb[s])) for (const re of bad) if (st.command && re.test(st.command)) hits.push(`${rb.id}: ${st.command}`);
    expect(hits).toEqual([]);
  });
});

// The planted-secrets corpus (tests/fixtures/secrets): every planted secret comes out masked, every
// checksum comes out exactly as it went in, in every log format.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { CHECKSUMS, checksumCounts, leakedSecrets, loadSecretCorpus, PLANTED, SECRETS_DIR } from "../../tests/fixtures/secrets/manifest";
import { redactLine, redactText } from "./index";

const corpus = loadSecretCorpus();

describe("planted-secrets corpus", () => {
  it("the manifest and the templates agree: every secret and every checksum is planted somewhere", () => {
    const templates = corpus.map((f) => readFileSync(path.join(SECRETS_DIR, f.name), "utf8")).join("\n");
    for (const s of PLANTED) expect(templates, s.id).toContain(`{{${s.id}}}`);
    CHECKSUMS.forEach((_c, i) => expect(templates, `checksum ${i}`).toContain(`{{checksum:${i}}}`));
    expect(corpus.map((f) => f.name)).toEqual(["ansi.log", "docker-k8s.log", "git-curl-verbose.log", "github-actions.log", "json.log", "npm-debug.log", "plain.log"]);
  });

  it("before redaction every planted secret is readable (the check below can fail)", () => {
    const all = corpus.map((f) => f.text).join("\n");
    expect(leakedSecrets(all).length).toBe(PLANTED.reduce((n, s) => n + s.secret.length, 0));
  });

  it.each(corpus.map((f) => f.name))("%s: every planted secret masked, no checksum masked", (name) => {
    const text = corpus.find((f) => f.name === name)!.text;
    const out = redactText(text);
    expect(leakedSecrets(out)).toEqual([]);
    expect(checksumCounts(out)).toEqual(checksumCounts(text));
    expect(out.split("\n")).toHaveLength(text.split("\n").length);
  });

  it("line by line without state, everything but multi-line key bodies is masked too", () => {
    const pemLines = new Set(PLANTED.filter((s) => s.kind === "private-key" && s.value.includes("\n")).flatMap((s) => s.secret));
    for (const f of corpus) {
      for (const line of f.text.split("\n")) {
        if (pemLines.has(line)) continue;
        expect(leakedSecrets(redactLine(line)), line).toEqual([]);
      }
    }
  });

  it("every checksum is in the corpus, and all survive", () => {
    const all = corpus.map((f) => f.text).join("\n");
    const before = checksumCounts(all);
    expect(before.every((n) => n > 0)).toBe(true);
    expect(checksumCounts(corpus.map((f) => redactText(f.text)).join("\n"))).toEqual(before);
  });
});

// A whole analysis result redacted for storage: events, steps, log groups and traced argv; fingerprints unchanged.
import { describe, expect, it } from "vitest";
import { analyzeText } from "../analysis";
import { redactAnalysisResult } from "./index";

describe("redactAnalysisResult", () => {
  it("masks event messages, fields, step names and kept lines, keeps fingerprints and checksums", async () => {
    const secret = "Fake-" + "pw".repeat(8);
    const h1 = "h1:" + Buffer.from("x".repeat(32)).toString("base64");
    const ts = "2026-11-20T22:06:35.0000000Z";
    const log = [
      `${ts} ##[group]Run git clone https://bot:${secret}@git.example.com/acme/app.git`,
      `${ts} ##[endgroup]`,
      `${ts} fatal: unable to access 'https://bot:${secret}@git.example.com/acme/app.git/': The requested URL returned error: 403`,
      `${ts} verifying github.com/acme/greet@v1.0.0: checksum mismatch`,
      `${ts} 	downloaded: ${h1}`,
      `${ts} 	go.sum:     ${h1.replace("h1:e", "h1:f")}`,
    ].join("\n");
    const result = await analyzeText(log, { keepLines: true });
    expect(JSON.stringify(result)).toContain(secret);
    const redacted = redactAnalysisResult(result);
    expect(JSON.stringify(redacted)).not.toContain(secret);
    expect(redacted.events.map((e) => e.fingerprint)).toEqual(result.events.map((e) => e.fingerprint));
    expect(redacted.steps?.[0].name).toBe("Run git clone https://bot:[REDACTED:url-credential]@git.example.com/acme/app.git");
    expect(redacted.groups?.[0].name).toBe(redacted.steps?.[0].name);
    const mismatch = redacted.events.find((e) => e.class === "checksum_mismatch")!;
    expect(mismatch.fields.downloaded).toBe(h1);
    expect(result.events[0].message).toContain(secret); // the input is not modified
  });
});

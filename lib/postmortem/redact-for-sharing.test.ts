import { describe, expect, it } from "vitest";
import { redactForSharing } from "./redact-for-sharing";

describe("redactForSharing", () => {
  it("masks credentials the way the team's redaction does", () => {
    const cases = [
      ["fatal: unable to access 'https://x-access-token:ghs_abcdefghijklmnopqrstuvwxyz0123456789@github.com/acme/repo.git/'", "ghs_abcdefghijklmnopqrstuvwxyz0123456789"],
      ["Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
      ["token ghp_0123456789abcdefghijABCDEFGHIJ012345 leaked", "0123456789abcdefghijABCDEFGHIJ012345"],
      ["AWS key AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"],
    ] as const;
    for (const [text, secret] of cases) {
      const out = redactForSharing(text);
      expect(out, text).not.toContain(secret);
      expect(out, text).toContain("[REDACTED");
    }
  });

  it("masks across lines of a pasted block and leaves ordinary build output alone", () => {
    const key = "Evidence:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx3q1Zb2s9Ubh+Xc0FyH7MxL0\n-----END RSA PRIVATE KEY-----\nafter";
    const out = redactForSharing(key);
    expect(out).not.toContain("MIIEowIBAAKCAQEAx3q1Zb2s9Ubh+Xc0FyH7MxL0");
    expect(out.endsWith("after")).toBe(true);
    const line = "verifying github.com/acme/greet@v1.0.0: checksum mismatch; see [build.log line 2](/uploads/u1/log#L2)";
    expect(redactForSharing(line)).toBe(line);
  });
});

// Does the program's own message report a failure? Whole-token matches only.
import { describe, expect, it } from "vitest";
import { containsToken, howReported } from "../report-matching";

describe("containsToken", () => {
  it("matches a path as a whole token, with quotes, colons or sentence ends around it", () => {
    expect(containsToken("fatal: repository '/srv/git/app.git' does not exist", "/srv/git/app.git")).toBe(true);
    expect(containsToken("go: open /srv/shared/go.mod: no such file or directory", "/srv/shared/go.mod")).toBe(true);
    expect(containsToken("missing /etc/app.conf.", "/etc/app.conf")).toBe(true);
    expect(containsToken("/usr/bin/env: ‘python9’: No such file or directory", "python9")).toBe(true);
  });

  it("does not match inside a longer path or name", () => {
    expect(containsToken("fatal: repository '/srv/git/app.git' does not exist", "/srv/git/app.git/.git")).toBe(false);
    expect(containsToken("fatal: repository '/srv/git/app.git.bundle'", "/srv/git/app.git")).toBe(false);
    expect(containsToken("open /a/b/config.yaml failed", "b/config.yaml")).toBe(false);
    expect(containsToken("see ./config.yaml.example", "./config.yaml")).toBe(false);
    expect(containsToken("make: *** [Makefile:4: manifest] Error 1", "manifest.json")).toBe(false);
  });
});

describe("howReported", () => {
  const path = { mentions: ["/w/a.txt"], weakMentions: [], errnoTexts: ["no such file or directory"], errnoAlone: false };
  const bare = { mentions: [], weakMentions: ["manifest"], errnoTexts: ["no such file or directory"], errnoAlone: false };
  const net = { mentions: ["127.0.0.1:5432"], weakMentions: [], errnoTexts: ["connection refused"], errnoAlone: true };

  it("a full path names the failure; errno wording alone does not, for paths", () => {
    expect(howReported("cp: cannot stat '/w/a.txt': No such file or directory", path)).toBe("named");
    expect(howReported("something: No such file or directory", path)).toBeNull();
  });

  it("a bare name counts only next to the errno wording", () => {
    expect(howReported("make: *** [Makefile:4: manifest] Error 1", bare)).toBeNull();
    expect(howReported("stat manifest: No such file or directory", bare)).toBe("worded");
  });

  it("network failures are reported by their errno wording", () => {
    expect(howReported("psql: error: connection to server failed: Connection refused", net)).toBe("worded");
    expect(howReported("dial tcp 127.0.0.1:5432: connect: timeout", net)).toBe("named");
    expect(howReported("all good", net)).toBeNull();
  });
});

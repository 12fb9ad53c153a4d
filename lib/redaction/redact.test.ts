// Redaction of single lines, fields and multi-line files: every supported secret kind is masked, the
// checksum evidence is not, the result is stable under repetition, and hostile lines stay fast.
// Credential-looking values are assembled at run time (fake(…)) so this file holds no literal token
// that a secret scanner would report.
import { describe, expect, it } from "vitest";
import { createRedactor, redactFields, redactLine, redactText } from "./index";

/** A fake but format-valid credential: `prefix` + `n` characters cycling through `alphabet`. */
function fake(prefix: string, n: number, alphabet = "FAKE0fake1TEST2test3ONLY4only5NOTREAL6"): string {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[i % alphabet.length];
  return prefix + s;
}
const b64 = (s: string) => Buffer.from(s).toString("base64");
const b64url = (s: string) => Buffer.from(s).toString("base64url");

const GH_CLASSIC = fake("gh" + "p_", 36);
const GH_APP = fake("gh" + "s_", 36);
const GH_OAUTH = fake("gh" + "o_", 36);
const GH_USER = fake("gh" + "u_", 36);
const GH_REFRESH = fake("gh" + "r_", 76);
const GH_FINE = fake("github" + "_pat_", 22) + "_" + fake("", 59);
const GITLAB = fake("gl" + "pat-", 20);
const NPM = fake("np" + "m_", 36);
const AWS_ID = "AK" + "IA" + "FAKE2TEST3ONLY4X";
const AWS_STS_ID = "AS" + "IA" + "FAKE2TEST3ONLY4Y";
const AWS_SECRET = fake("", 40, "FAKEfake/TEST+test0123ONLYonly");
const SLACK = "xo" + "xb-" + "000000000000-000000000000-" + fake("", 24);
const GOOGLE = "AI" + "za" + fake("", 35);
const JWT = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"fake-user","iat":1700000000}')}.${fake("", 43, "FAKEsig_-0")}`;

const H1 = "h1:2Hk0jEqZr6dKbTN9xwqYFjsM6lXDzFIi8rX/9mL+0A4=";
const SHA512 = "sha512-" + b64("x".repeat(64));
const SHA1 = "sha1-" + b64("y".repeat(20));
const SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const COMMIT = "4f2e8a1c9b7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f";

function expectMasked(line: string, secret: string, kind: string) {
  const out = redactLine(line);
  expect(out, out).not.toContain(secret);
  expect(out).toContain(`[REDACTED:${kind}]`);
  return out;
}

describe("redactLine: credential formats", () => {
  it.each([
    ["GitHub classic", GH_CLASSIC, "ghp_"],
    ["GitHub app installation", GH_APP, "ghs_"],
    ["GitHub OAuth", GH_OAUTH, "gho_"],
    ["GitHub user-to-server", GH_USER, "ghu_"],
    ["GitHub refresh", GH_REFRESH, "ghr_"],
    ["GitHub fine-grained", GH_FINE, "github_pat_"],
  ])("%s tokens keep their prefix", (_name, token, prefix) => {
    const out = expectMasked(`using token ${token} for the push`, token, "github-token");
    expect(out).toBe(`using token ${prefix}****[REDACTED:github-token] for the push`);
  });

  it("GitLab, npm, Slack, Google and AWS key ids", () => {
    expect(redactLine(`PRIVATE-TOKEN: ${GITLAB}`)).not.toContain(GITLAB);
    expect(redactLine(`curl -H "PRIVATE-TOKEN: ${GITLAB}" https://gitlab.example.com/api/v4/projects`)).toContain("glpat-****[REDACTED:gitlab-token]");
    expect(redactLine(`published with ${NPM}`)).toBe("published with npm_****[REDACTED:npm-token]");
    expect(redactLine(`//registry.npmjs.org/:_authToken=${NPM}`)).toBe("//registry.npmjs.org/:_authToken=npm_****[REDACTED:npm-token]");
    expect(redactLine(`//npm.pkg.github.com/:_authToken=abc123def456`)).toBe("//npm.pkg.github.com/:_authToken=[REDACTED:token]");
    expectMasked(`slack: ${SLACK}`, SLACK, "slack-token");
    expectMasked(`https://maps.example.com/api?key=${GOOGLE}&z=1`, GOOGLE, "google-api-key");
    expect(redactLine(`aws_access_key_id = ${AWS_ID}`)).toBe("aws_access_key_id = AKIA****[REDACTED:aws-access-key-id]");
    expectMasked(`AWS_ACCESS_KEY_ID=${AWS_STS_ID}`, AWS_STS_ID, "aws-access-key-id");
    expectMasked("posting to https://hooks.slack.com/services/T0000FAKE/B0000FAKE/" + fake("", 24), fake("", 24), "slack-webhook");
  });

  it("AWS secret keys after their names, in every spelling", () => {
    for (const line of [
      `aws_secret_access_key = ${AWS_SECRET}`,
      `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
      `export AWS_SECRET_ACCESS_KEY="${AWS_SECRET}"`,
      `"SecretAccessKey": "${AWS_SECRET}",`,
      `secret_access_key: ${AWS_SECRET}`,
    ]) {
      expectMasked(line, AWS_SECRET, "aws-secret-key");
    }
  });

  it("JWTs", () => {
    const out = expectMasked(`id_token received: ${JWT} (expires in 3600s)`, JWT, "jwt");
    expect(out).toContain("eyJ****[REDACTED:jwt] (expires in 3600s)");
  });

  it("Authorization, Cookie and Set-Cookie header values", () => {
    expect(redactLine("Authorization: Bearer abc.def-ghi_jkl")).toBe("Authorization: Bearer [REDACTED:authorization]");
    expect(redactLine(`> authorization: Basic ${b64("user:hunter2")}`)).toBe("> authorization: Basic [REDACTED:authorization]");
    expect(redactLine(`curl -H "Authorization: token ${GH_CLASSIC}" https://api.github.com/user`)).toBe(
      'curl -H "Authorization: token ghp_****[REDACTED:github-token]" https://api.github.com/user',
    );
    expect(redactLine('{"headers":{"Authorization":"Bearer s3cr3t-value","Accept":"*/*"}}')).toBe(
      '{"headers":{"Authorization":"Bearer [REDACTED:authorization]","Accept":"*/*"}}',
    );
    expect(redactLine('Authorization: Digest username="bob", realm="x", response="6629fae49393a05397450978507c4ef1"')).toBe(
      "Authorization: Digest [REDACTED:authorization]",
    );
    expect(redactLine("Cookie: session=abc123; theme=dark")).toBe("Cookie: [REDACTED:cookie]");
    expect(redactLine("< set-cookie: sid=s%3Aabc.def; Path=/; HttpOnly")).toBe("< set-cookie: [REDACTED:cookie]");
    expect(redactLine("=> Send header: Authorization: Basic <redacted>")).toBe("=> Send header: Authorization: Basic <redacted>");
  });

  it("credentials in URLs: the user stays, the secret goes", () => {
    expect(redactLine("fatal: unable to access 'https://ci-bot:hunter2@git.example.com/acme/app.git/': 403")).toBe(
      "fatal: unable to access 'https://ci-bot:[REDACTED:url-credential]@git.example.com/acme/app.git/': 403",
    );
    expect(redactLine("DATABASE_URL=postgresql://app:pa55w0rd@db:5432/app")).toBe("DATABASE_URL=postgresql://app:[REDACTED:url-credential]@db:5432/app");
    expect(redactLine(`https://oauth2:${GITLAB}@gitlab.example.com/g/p.git`)).toBe("https://oauth2:glpat-****[REDACTED:gitlab-token]@gitlab.example.com/g/p.git");
    // No password part: nothing to mask.
    expect(redactLine("ssh://git@github.com/acme/app.git and git@github.com:acme/app.git")).toBe("ssh://git@github.com/acme/app.git and git@github.com:acme/app.git");
  });

  it("password=, token=, secret=, api_key= pairs, JSON and env style", () => {
    expect(redactLine("mysql --host db password=hunter2 user=root")).toBe("mysql --host db password=[REDACTED:password] user=root");
    expect(redactLine('{"username":"bob","password":"hunter 2 \\" x","port":5432}')).toBe('{"username":"bob","password":"[REDACTED:password]","port":5432}');
    expect(redactLine("DB_PASSWORD=hunter2")).toBe("DB_PASSWORD=[REDACTED:password]");
    expect(redactLine("  client_secret: abcdef123456")).toBe("  client_secret: [REDACTED:secret]");
    expect(redactLine("GET /callback?code=x&access_token=abc123&state=y")).toBe("GET /callback?code=x&access_token=[REDACTED:token]&state=y");
    expect(redactLine("api_key='k-123'; apiKey = \"k-456\"")).toBe("api_key='[REDACTED:api-key]'; apiKey = \"[REDACTED:api-key]\"");
    expect(redactLine("--registry-password=hunter2 --token abc123 --password 'x y'")).toBe(
      "--registry-password=[REDACTED:password] --token [REDACTED:token] --password '[REDACTED:password]'",
    );
    expect(redactLine("docker login -u bot -p hunter2 registry.example.com")).toBe("docker login -u bot -p [REDACTED:password] registry.example.com");
    expect(redactLine("curl -u bot:hunter2 https://example.com")).toBe("curl -u bot:[REDACTED:password] https://example.com");
    expect(redactLine("::add-mask::my-dynamic-secret")).toBe("::add-mask::[REDACTED:ci-mask]");
  });

  it(".netrc lines", () => {
    expect(redactLine("machine github.com login bot password hunter2")).toBe("machine github.com login bot password [REDACTED:netrc-password]");
    expect(redactLine("  password hunter2")).toBe("  password [REDACTED:netrc-password]");
    expect(redactLine("2026-01-02T03:04:05.1234567Z password hunter2")).toBe("2026-01-02T03:04:05.1234567Z password [REDACTED:netrc-password]");
  });

  it("private key blocks on one line (JSON-escaped PEM)", () => {
    const body = fake("", 64, "MIIEFAKEkeyTESTonly0123456789+/");
    const out = redactLine(`{"pem": "-----BEGIN RSA PRIVATE KEY-----\\n${body}\\n-----END RSA PRIVATE KEY-----\\n", "x": 1}`);
    expect(out).not.toContain(body);
    expect(out).toContain("-----BEGIN RSA PRIVATE KEY-----");
    expect(out).toContain("-----END RSA PRIVATE KEY-----");
    expect(out).toContain('"x": 1');
    expect(redactLine(`"private_key": "-----BEGIN PRIVATE KEY-----\\n${body}\\n-----END PRIVATE KEY-----"`)).not.toContain(body);
  });
});

describe("redactLine: what must stay", () => {
  it("checksums, integrity strings, digests and commit ids are evidence", () => {
    const lines = [
      `verifying github.com/acme/greet@v1.0.0: checksum mismatch`,
      `	downloaded: ${H1}`,
      `	go.sum:     ${H1}`,
      `github.com/acme/greet v1.0.0/go.mod ${H1}`,
      `npm error integrity checksum failed when using sha512: wanted ${SHA512} but got ${SHA1}`,
      `"integrity": "${SHA512}",`,
      `Digest: sha256:${SHA256}`,
      `sha256sum: ${SHA256}  dist/app.tar.gz`,
      `HEAD is now at ${COMMIT} fix the build`,
      `commitSha=${COMMIT}`,
      `checksum=${SHA256}`,
      `fatal: could not read Password for 'https://github.com': terminal prompts disabled`,
      `remote: Invalid username or password.`,
      `npm error code E401 Unable to authenticate, your authentication token seems to be invalid.`,
      `Run actions/checkout@v4 with token: ***`,
      `_authToken=\${NPM_TOKEN}`,
      `https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz`,
      `ssh: connect to host github.com port 22: Connection refused`,
    ];
    for (const l of lines) expect(redactLine(l)).toBe(l);
  });

  it("is idempotent", () => {
    const line = `x=https://u:p@h ${GH_CLASSIC} password=hunter2 Authorization: Bearer abcdef ${JWT} AKIA${"FAKE2TEST3ONLY4X"}`;
    const once = redactLine(line);
    expect(redactLine(once)).toBe(once);
  });
});

describe("ANSI and OSC 8", () => {
  it("finds secrets split by colour codes and keeps the codes", () => {
    const out = redactLine(`\x1b[33mpassword\x1b[0m=\x1b[1mhunter2\x1b[0m ok`);
    expect(out).not.toContain("hunter2");
    expect(out).toBe("\x1b[33mpassword\x1b[0m=\x1b[1m[REDACTED:password]\x1b[0m ok");
    const tok = redactLine(`\x1b[32m${GH_CLASSIC.slice(0, 10)}\x1b[1m${GH_CLASSIC.slice(10)}\x1b[0m`);
    expect(tok).toBe("\x1b[32mghp_****[REDACTED:github-token]\x1b[1m\x1b[0m");
  });

  it("redacts hyperlink targets", () => {
    const out = redactLine(`\x1b]8;;https://bot:hunter2@git.example.com/x\x1b\\clone\x1b]8;;\x1b\\ and \x1b]8;;https://x.example/?token=abc\x07y\x1b]8;;\x07`);
    expect(out).not.toContain("hunter2");
    expect(out).not.toContain("token=abc");
    expect(out).toContain("clone");
  });
});

describe("redactFields", () => {
  it("redacts string values and masks values under secret-looking names", () => {
    expect(
      redactFields({ url: "https://bot:hunter2@git.example.com/x.git", token: "abc", password: 1234, module: "github.com/acme/greet", status: 403, sum: H1 }),
    ).toEqual({ url: "https://bot:[REDACTED:url-credential]@git.example.com/x.git", token: "[REDACTED:token]", password: "[REDACTED:password]", module: "github.com/acme/greet", status: 403, sum: H1 });
  });
});

describe("createRedactor: private key blocks across lines", () => {
  const body = [fake("", 64, "MIIEFAKEkey0TESTonly1234"), fake("", 64, "abcdFAKE5678TESTonly+/"), fake("", 20, "tailFAKE==")];

  it("masks the body lines, keeps BEGIN/END and the CI timestamps", () => {
    const ts = "2026-11-20T22:06:36.1234567Z ";
    const text = [`${ts}key:`, `${ts}-----BEGIN OPENSSH PRIVATE KEY-----`, ...body.map((b) => ts + b), `${ts}-----END OPENSSH PRIVATE KEY-----`, `${ts}done password=x`].join("\n");
    const out = redactText(text).split("\n");
    for (const b of body) expect(out.join("\n")).not.toContain(b);
    expect(out[1]).toBe(`${ts}-----BEGIN OPENSSH PRIVATE KEY-----`);
    expect(out[2]).toBe(`${ts}[REDACTED:private-key]`);
    expect(out[5]).toBe(`${ts}-----END OPENSSH PRIVATE KEY-----`);
    expect(out[6]).toBe(`${ts}done password=[REDACTED:password]`);
  });

  it("END and text on the same line as the last body line; a block that never ends stops masking after the cap", () => {
    const r = createRedactor();
    expect(r.line("-----BEGIN PRIVATE KEY-----")).toBe("-----BEGIN PRIVATE KEY-----");
    expect(r.inPrivateKey).toBe(true);
    expect(r.line(`${body[2]}-----END PRIVATE KEY----- then ${GH_CLASSIC}`)).toBe("[REDACTED:private-key]-----END PRIVATE KEY----- then ghp_****[REDACTED:github-token]");
    expect(r.inPrivateKey).toBe(false);
    const open = createRedactor();
    open.line("-----BEGIN EC PRIVATE KEY-----");
    for (let i = 0; i < 300; i++) expect(open.line("AAAA")).toBe("[REDACTED:private-key]");
    expect(open.line("after the cap")).toBe("after the cap");
  });

  it("masks ANSI-coloured key lines", () => {
    const r = createRedactor();
    r.line("\x1b[31m-----BEGIN RSA PRIVATE KEY-----\x1b[0m");
    expect(r.line(`\x1b[31m${body[0]}\x1b[0m`)).toBe("\x1b[31m[REDACTED:private-key]\x1b[0m");
  });
});

describe("hostile lines stay fast", () => {
  const N = 1 << 20;
  const cases: [string, string][] = [
    ["run of word characters", "a".repeat(N)],
    ["repeated token prefixes", "ghp_".repeat(N / 4)],
    ["repeated dashed prefixes", "-eyJ".repeat(N / 4)],
    ["almost-JWTs", ("eyJ" + "a".repeat(10) + ".").repeat(N / 14)],
    ["repeated key separators", "password=".repeat(N / 9)],
    ["dashed keys", "a-".repeat(N / 2)],
    ["unterminated quotes after keys", '"password": "'.repeat(N / 13)],
    ["almost-URLs", "a://b:".repeat(N / 6)],
    ["URL user info without @", ("https://u:" + "p".repeat(100) + " ").repeat(N / 111)],
    ["flags without values", "--token ".repeat(N / 8)],
    ["quoted flag values unterminated", '--password "'.repeat(N / 12)],
    ["netrc words", "machine x login y ".repeat(N / 18)],
    ["authorization headers", "Authorization: ".repeat(N / 15)],
    ["escape sequences", "\x1b[31m\x1b]8;;".repeat(N / 9)],
    ["PEM markers", "-----BEGIN PRIVATE KEY-----".repeat(N / 27)],
    ["AWS key names", "aws_secret_access_key=".repeat(N / 22)],
    ["curl -u", "curl -u ".repeat(N / 8)],
  ];
  it.each(cases)("%s (1 MiB line)", (_name, line) => {
    const t0 = performance.now();
    redactLine(line);
    createRedactor().line(line);
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

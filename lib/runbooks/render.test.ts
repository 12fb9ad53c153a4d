// Filling templates: values from real corpus events, missing fields, and hostile values that must come
// out inert (checked by running the rendered commands in bash).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRunbook, runbookFor } from "./index";
import { renderCommand, renderRunbook, renderText, shellQuote, type RenderableRunbook } from "./render";

const get = (id: string) => {
  const rb = builtinRunbook(id);
  if (!rb) throw new Error(`no runbook ${id}`);
  return rb;
};
const commands = (r: ReturnType<typeof renderRunbook>) => [...r.diagnose, ...r.fix, ...r.prevent].flatMap((s) => (s.command ? [s.command] : []));

describe("filling placeholders from event fields", () => {
  // Fields as the analyzer reports them for ../shared/corpus/go-checksum-mismatch.log.
  const goChecksum = {
    module: "github.com/acme/greet",
    version: "v1.0.0",
    downloaded: "h1:uh92WrMKgmS9IYA+hB2eiMdKSK8LBc6orZjCv6GSsAI=",
    go_sum: "h1:Zq92WrMKgmS9IYA+hB2eiMdKSK8LBc6orZjCv6GSsAI=",
  };

  it("puts the module and version into the Go checksum runbook's commands and text", () => {
    const r = renderRunbook(get("go-checksum-mismatch"), goChecksum);
    expect(r.title).toBe("Go checksum mismatch for github.com/acme/greet@v1.0.0");
    expect(r.summary).toContain("github.com/acme/greet@v1.0.0");
    const cmds = commands(r);
    expect(cmds).toContain("grep -nF -- 'github.com/acme/greet v1.0.0' go.sum");
    expect(cmds.some((c) => c.includes("go mod download -x github.com/acme/greet@v1.0.0"))).toBe(true);
    expect(cmds.some((c) => c.includes("curl -s https://sum.golang.org/lookup/github.com/acme/greet@v1.0.0"))).toBe(true);
    expect(cmds).toContain("go env -w GOPRIVATE='github.com/acme/*'");
    expect(r.missing).toEqual([]);
    expect(r.values.goprivate).toBe("github.com/acme/*");
  });

  it("drops steps whose condition fields are unknown, keeps them when known", () => {
    const without = renderRunbook(get("go-checksum-mismatch"), goChecksum);
    expect(commands(without).some((c) => c.includes("/@v/"))).toBe(false);
    const withProxy = renderRunbook(get("go-checksum-mismatch"), { ...goChecksum, url: "https://goproxy.corp.example/github.com/acme/greet/@v/v1.0.0.zip" });
    expect(commands(withProxy)).toContain("curl -s https://goproxy.corp.example/github.com/acme/greet/@v/v1.0.0.info");
    const all = renderRunbook(get("go-checksum-mismatch"), {}, { allSteps: true });
    const conditional = all.diagnose.find((s) => s.command?.includes("@v/"));
    expect(conditional?.when).toEqual(["proxy"]);
  });

  it("derives the proxy from a Go proxy URL (go-proxy-403.log)", () => {
    const fields = { url: "http://127.0.0.1:18081/github.com/acme/blocked/@v/v0.1.0.info", status: 403, reason: "Forbidden", module: "github.com/acme/blocked", version: "v0.1.0" };
    const r = renderRunbook(runbookFor({ runbookId: "go-proxy-http-error", class: "http_403" }), fields);
    expect(r.summary).toContain("The GOPROXY at http://127.0.0.1:18081 answered 403 for github.com/acme/blocked@v0.1.0");
    expect(commands(r)).toContain("curl -sv http://127.0.0.1:18081/github.com/acme/blocked/@v/v0.1.0.info");
  });

  it("fills npm registry, scope and auth key from the request URL (npm-e403-forbidden.log)", () => {
    const fields = { code: "E403", status: 403, url: "http://127.0.0.1:18181/@acme%2flogger" };
    const r = renderRunbook(runbookFor({ runbookId: "npm-error", class: "http_403" }), fields);
    expect(r.id).toBe("npm-forbidden");
    expect(commands(r)).toContain("npm view @acme/logger --registry http://127.0.0.1:18181/ --loglevel http");
    expect(commands(r)).toContain("npm config get @acme:registry");
    const auth = renderRunbook(get("npm-unauthorized"), fields);
    expect(commands(auth)).toContain("echo '//127.0.0.1:18181/:_authToken=${NPM_TOKEN}' >> .npmrc");
  });

  it("uses host and port of a host:port field (go-proxy-connection-refused.log)", () => {
    const r = renderRunbook(get("connection-refused"), { host: "127.0.0.1:18099", module: "github.com/acme/greet", version: "v1.1.0", url: "http://127.0.0.1:18099/github.com/acme/greet/@v/v1.1.0.mod" });
    expect(commands(r)).toContain("nc -vz -w 5 127.0.0.1 18099");
    expect(commands(r)).toContain("go env GOPROXY GOFLAGS");
  });
});

describe("missing fields", () => {
  it("leaves a visible <name> placeholder and reports it", () => {
    const r = renderRunbook(get("go-checksum-mismatch"), { module: "github.com/acme/greet" });
    expect(commands(r)).toContain("grep -nF -- 'github.com/acme/greet <version>' go.sum");
    expect(r.title).toBe("Go checksum mismatch for github.com/acme/greet@<version>");
    expect(r.missing).toContain("version");
    expect(r.missing).not.toContain("module");
  });

  it("treats empty strings as missing", () => {
    expect(renderCommand("go get {module}", { module: "" }).command).toBe("go get <module>");
    const r = renderRunbook(get("go-module-not-found"), { module: "", version: "v1.0.0" });
    expect(r.missing).toContain("module");
  });

  it("renders a whole runbook without an event (catalogue view)", () => {
    const r = renderRunbook(get("postgres-too-many-connections"), {}, { allSteps: true });
    expect(commands(r)[0]).toContain("pg_isready -h <hostname> -p <port>");
  });
});

describe("shell safety of substituted values", () => {
  const work = mkdtempSync(path.join(tmpdir(), "runbook-shell-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const bash = spawnSync("bash", ["-c", "true"]).status === 0;

  /** Runs a rendered command in an empty directory; returns stdout lines and the files it left behind. */
  const run = (command: string) => {
    const dir = mkdtempSync(path.join(work, "case-"));
    const r = spawnSync("bash", ["-c", command], { cwd: dir, encoding: "utf8", env: { ...process.env, HOME: dir, TOKEN: "tok" } });
    return { out: r.stdout.split("\n").slice(0, -1), status: r.status, files: readdirSync(dir) };
  };

  const hostile = [
    "$(touch pwned)",
    "`touch pwned`",
    "x'; touch pwned; echo '",
    'x"; touch pwned; echo "',
    "a b\\c $HOME ${HOME} ~ * ? [x] {a,b} # ! & | ; < > ( )",
    "'$(touch pwned)'",
    '"$(touch pwned)"',
    "github.com/acme/$(touch pwned)",
  ];

  it.runIf(bash).each(hostile)("keeps %j inert and literal in every quoting context", (value) => {
    const template = [
      "printf '%s\\n' {module}",
      'printf \'%s\\n\' "{module}"',
      "printf '%s\\n' '{module}'",
      "printf '%s\\n' pre{module}post",
      'printf \'%s\\n\' url."https://oauth2:${TOKEN}@{module}/".insteadOf',
      "printf '%s\\n' '{module} {module}' # it's a comment with {module}",
      "printf '%s\\n' {module}",
    ].join("\n");
    const r = renderRunbook({ ...fakeRunbook, fix: [{ text: "t", command: template }] }, { module: value });
    const cmd = r.fix[0].command!;
    expect(r.fix[0].withheld).toEqual([]);
    const { out, status, files } = run(cmd);
    expect(files).toEqual([]);
    expect(status).toBe(0);
    expect(out).toEqual([value, value, value, `pre${value}post`, `url.https://oauth2:tok@${value}/.insteadOf`, `${value} ${value}`, value]);
  });

  it.runIf(bash)("cleans control characters so a value cannot add a command line", () => {
    const r = renderRunbook({ ...fakeRunbook, fix: [{ text: "t", command: "printf '%s\\n' {module} # {module}" }] }, { module: "a\ntouch pwned\rb" });
    const { out, files } = run(r.fix[0].command!);
    expect(files).toEqual([]);
    expect(out).toEqual(["a\uFFFDtouch pwned\uFFFDb"]);
  });

  it("withholds values it cannot make inert", () => {
    // Inside $(...) or a heredoc the quoting rules differ: only plain values go in.
    const sub = renderCommand("echo $(basename {path})", { path: "$(touch pwned)" });
    expect(sub.command).toBe("echo $(basename <path>)");
    expect(sub.withheld).toEqual(["path"]);
    expect(renderCommand("echo $(basename {path})", { path: "/srv/app/config.json" }).command).toBe("echo $(basename /srv/app/config.json)");
    const heredoc = renderCommand("cat <<EOF\n{module}\nEOF", { module: "`touch pwned`" });
    expect(heredoc.command).toBe("cat <<EOF\n<module>\nEOF");
    expect(renderCommand("echo `echo {m}`", { m: "a b" }).withheld).toEqual(["m"]);
    // A leading dash would turn a value into an option (git --upload-pack=... runs a command).
    const dash = renderCommand("git ls-remote {url}", { url: "--upload-pack=touch pwned" });
    expect(dash.command).toBe("git ls-remote <url>");
    expect(dash.withheld).toEqual(["url"]);
    // Raw control characters (renderCommand used directly, without cleaning).
    expect(renderCommand("echo {m}", { m: "a\nb" }).withheld).toEqual(["m"]);
  });

  it("leaves shell and curl syntax that looks like braces alone", () => {
    const r = renderCommand("echo ${HOME} %{time_total} '{\"a\": 1}' {{.Os}} {module}", { module: "m", HOME: "x", time_total: "y" });
    expect(r.command).toBe("echo ${HOME} %{time_total} '{\"a\": 1}' {{.Os}} m");
  });

  it("single-quotes unsafe values and leaves plain ones bare", () => {
    expect(shellQuote("github.com/acme/greet@v1.0.0")).toBe("github.com/acme/greet@v1.0.0");
    expect(shellQuote("github.com/acme/*")).toBe("'github.com/acme/*'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote("-rf")).toBe("'-rf'");
  });

  it("puts values into prose as plain text (React escapes it), cut when huge", () => {
    expect(renderText("module {module}", { module: "<b>$(x)</b>" }).text).toBe("module <b>$(x)</b>");
    expect(renderText("{m}", { m: "x".repeat(5000) }).text.length).toBeLessThan(1100);
  });

  it("does not run anything while rendering (sanity: no file appeared in the work dir)", () => {
    expect(existsSync(path.join(process.cwd(), "pwned"))).toBe(false);
  });
});

const fakeRunbook: RenderableRunbook = {
  id: "test",
  ecosystem: "go",
  classes: ["checksum_mismatch"],
  title: "t",
  summary: "s",
  diagnose: [],
  fix: [],
  prevent: [],
};

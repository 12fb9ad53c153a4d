// API authentication for drills and benchmarks, before and after accounts exist: when the CLI has a
// `token` command (bin/cli.ts), create a token with `faultline token create --email E` against the
// drill's database and send it as `Authorization: Bearer <token>`; otherwise send no credentials.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths";

export interface Auth {
  token: string | null;
  /** How the token was obtained, or why there is none: goes into the drill report. */
  how: string;
  headers(): Record<string, string>;
}

const TOKEN_SHAPES = [
  /\b(fl[a-z]*_[A-Za-z0-9_-]{16,})\b/, // a prefixed token such as fl_… / flt_…
  /(?:token|secret)["'\s:=]+([A-Za-z0-9._~+/-]{20,}=*)/i, // "token: …" / {"token":"…"}
];

export function parseToken(stdout: string): string | null {
  const text = stdout.trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const k of ["token", "secret", "value", "apiToken"]) if (typeof json[k] === "string") return json[k] as string;
  } catch {
    /* not JSON */
  }
  for (const shape of TOKEN_SHAPES) {
    const m = shape.exec(text);
    if (m) return m[1];
  }
  // A bare token printed on a line of its own.
  const bare = text.split("\n").map((l) => l.trim()).filter((l) => /^[A-Za-z0-9._~+/=-]{24,}$/.test(l));
  return bare.length === 1 ? bare[0] : null;
}

function cliHas(command: string): boolean {
  try {
    const source = readFileSync(path.join(REPO_ROOT, "bin", "cli.ts"), "utf8");
    return new RegExp(`["']?\\b${command}\\b["']?\\s*:`).test(source);
  } catch {
    return false;
  }
}

function runCli(args: string[], databaseUrl: string): { ok: boolean; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "faultline.mjs"), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { ok: r.status === 0, stdout: r.stdout ?? "", stderr: (r.stderr ?? "") + (r.error ? String(r.error) : "") };
}

export function obtainAuth(opts: { databaseUrl: string; email?: string; log: (m: string) => void }): Auth {
  const make = (token: string | null, how: string): Auth => ({ token, how, headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}) });
  if (!cliHas("token")) return make(null, "no `faultline token` command yet: requests carry no Authorization header");
  const email = opts.email ?? "drills@faultline.invalid";
  let r = runCli(["token", "create", "--email", email], opts.databaseUrl);
  if (!r.ok && cliHas("user") && /user|account|not found|no such/i.test(r.stderr + r.stdout)) {
    // The token command may want an existing account: create one, then try again.
    const u = runCli(["user", "create", "--email", email], opts.databaseUrl);
    opts.log(`faultline user create --email ${email}: ${u.ok ? "ok" : `failed: ${(u.stderr || u.stdout).trim().split("\n")[0]}`}`);
    r = runCli(["token", "create", "--email", email], opts.databaseUrl);
  }
  const token = r.ok ? parseToken(r.stdout) : null;
  if (!token) {
    const why = r.ok ? "its output held no recognisable token" : `it failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-1)[0]}`;
    opts.log(`warning: \`faultline token create --email ${email}\` ${why}; continuing without Authorization`);
    return make(null, `\`faultline token create\` exists but ${why}`);
  }
  return make(token, `Bearer token from \`faultline token create --email ${email}\``);
}

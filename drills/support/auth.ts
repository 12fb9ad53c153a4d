// API authentication for drills and benchmarks, before and after accounts exist. When the CLI has a
// `token` command (bin/cli.ts, checked at run time) the helper creates an account (`faultline user
// create`, with a known password so pages can sign in too) and a token (`faultline token create
// --email E`) against the drill's database, and requests carry `Authorization: Bearer <token>`;
// without it requests carry no credentials. Pages sign in through POST /api/v1/auth/login when it
// exists (session cookie), else they are open.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./paths";

export interface Auth {
  token: string | null;
  email: string | null;
  password: string | null;
  /** How the token was obtained, or why there is none: goes into the drill report. */
  how: string;
  headers(): Record<string, string>;
}

/** A throwaway account in a drill or benchmark database on loopback only. */
const PASSWORD = "faultline-drills-9f3a7c1e";

export function parseToken(stdout: string): string | null {
  const text = stdout.trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    for (const k of ["token", "secret", "value", "apiToken"]) if (typeof json[k] === "string") return json[k] as string;
  } catch {
    /* not JSON */
  }
  const prefixed = /\b(fl[a-z]*_[A-Za-z0-9_-]{16,})\b/.exec(text);
  if (prefixed) return prefixed[1];
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

const firstLine = (r: { stdout: string; stderr: string }) => (r.stderr || r.stdout).trim().split("\n")[0] ?? "";

export function obtainAuth(opts: { databaseUrl: string; email?: string; log: (m: string) => void }): Auth {
  const email = opts.email ?? "drills@faultline.invalid";
  const make = (token: string | null, how: string, account: boolean): Auth => ({
    token,
    email: account ? email : null,
    password: account ? PASSWORD : null,
    how,
    headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
  });
  if (!cliHas("token")) return make(null, "no `faultline token` command yet: requests carry no Authorization header", false);
  let account = false;
  if (cliHas("user")) {
    // --exists-ok: benchmark databases persist between runs (the password is the same every time).
    let u = runCli(["user", "create", "--email", email, "--password", PASSWORD, "--exists-ok"], opts.databaseUrl);
    if (!u.ok && /exists-ok|unknown option/i.test(u.stderr)) u = runCli(["user", "create", "--email", email, "--password", PASSWORD], opts.databaseUrl);
    account = u.ok;
    if (!u.ok) opts.log(`faultline user create --email ${email}: ${firstLine(u)}`);
  }
  const r = runCli(["token", "create", "--email", email, "--name", "drills"], opts.databaseUrl);
  const token = r.ok ? parseToken(r.stdout) : null;
  if (!token) {
    const why = r.ok ? "its output held no recognisable token" : `it failed: ${firstLine(r)}`;
    opts.log(`warning: \`faultline token create --email ${email}\` ${why}; continuing without Authorization`);
    return make(null, `\`faultline token create\` exists but ${why}`, account);
  }
  return make(token, `Bearer token from \`faultline token create --email ${email}\``, account);
}

export interface SessionCookie {
  name: string;
  value: string;
}

/**
 * Signs the drill account in for page requests (POST /api/v1/auth/login, same-origin). Null when the
 * server has no login route (pages are open) or no account was created.
 */
export async function signIn(base: string, auth: Auth): Promise<SessionCookie | null> {
  if (!auth.email || !auth.password) return null;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: auth.email, password: auth.password }),
    redirect: "manual",
  });
  if (res.status === 404) return null;
  const cookie = res.headers.get("set-cookie");
  const m = cookie ? /^([^=;]+)=([^;]*)/.exec(cookie) : null;
  if (!res.ok || !m) throw new Error(`signing in as ${auth.email} failed: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return { name: m[1], value: m[2] };
}

/** The team the caller acts for: GET /api/v1/auth/me with the token, or null before accounts existed. */
export async function callerTeam(base: string, auth: Auth): Promise<string | null> {
  if (!auth.token) return null;
  const res = await fetch(`${base}/api/v1/auth/me`, { headers: auth.headers() });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`GET /api/v1/auth/me answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  return ((await res.json()) as { teamId: string }).teamId;
}

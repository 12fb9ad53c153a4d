// Values the commands need that the log states only indirectly: the host and port of a URL, the Go
// proxy a module URL went to, the GOPRIVATE pattern of a module, the npm registry and scope of a
// package, the PEP 503 index of a pip download. Pure; the inputs are untrusted log text, so every
// derivation is a plain string operation with bounded work.
import type { FieldValue } from "../analysis/types";
import type { Ecosystem } from "./types";

/** Longest value substituted into text; commands refuse longer ones (see render.ts). */
export const MAX_VALUE_LENGTH = 1024;

// C0/C1 controls (newlines would end a command or a shell comment), and Unicode line separators and
// bidirectional overrides (which make a command display differently from what is copied).
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A field value as text with control and bidi characters replaced by U+FFFD. */
export function cleanValue(v: FieldValue | null | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).replace(UNSAFE_CHARS, "\uFFFD").trim();
  return s === "" ? undefined : s;
}

const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443", ssh: "22", git: "9418", ftp: "21" };

/** Code hosts where the first path element after the host is an organisation (GOPRIVATE granularity). */
const MULTI_TENANT_HOSTS = new Set(["github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitea.com", "git.sr.ht", "dev.azure.com", "gitee.com"]);

export function deriveFields(fields: Record<string, FieldValue | null | undefined>, ecosystem?: Ecosystem): Record<string, string> {
  const f: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    const s = cleanValue(v);
    if (s !== undefined) f[k] = s;
  }
  const set = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== "" && f[k] === undefined) f[k] = v;
  };

  // Where the request went.
  const url = f.url && f.url.length <= MAX_VALUE_LENGTH ? parseUrl(f.url) : undefined;
  if (url) {
    set("host", url.host);
    set("hostname", url.hostname);
    set("port", url.port || DEFAULT_PORTS[url.scheme]);
    set("origin", `${url.scheme}://${url.host}`);
  } else if (f.url) {
    const scp = /^(?:[^@\s/]+@)?([A-Za-z0-9.-]+):(?!\/\/)/.exec(f.url); // git@github.com:acme/repo.git
    if (scp) {
      set("host", scp[1]);
      set("hostname", scp[1]);
      set("port", "22");
    }
  }
  if (f.host) {
    const hp = splitHostPort(f.host);
    set("hostname", hp.hostname);
    set("port", hp.port);
  }
  if (f.addr) {
    set("hostname", f.addr);
    set("host", f.port ? joinHostPort(f.addr, f.port) : f.addr);
  }

  // Go: the proxy a module URL went to, and the module and version it asked for.
  if (f.url && url) {
    const go = goProxyParts(f.url, url.origin, f.module);
    if (go) {
      set("proxy", go.proxy);
      set("module", go.module);
      set("version", go.version);
    }
  }
  if (f.module) {
    const parts = f.module.split("/");
    set("module_host", parts[0]);
    set("module_escaped", goEscapePath(f.module));
    set("goprivate", goPrivatePattern(f.module));
  }
  // A version that can be a git tag (not `latest`, a branch query or a pseudo-version).
  if (f.version && /^v\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?$/.test(f.version) && !/\d{14}-[0-9a-f]{12}$/.test(f.version)) set("tag", f.version);

  // Packages: the bare name, the npm scope, the registry / index the tool used.
  if (f.package) {
    const name = ecosystem === "pip" ? pipName(f.package) : npmStyleName(f.package);
    set("package_name", name);
    if (ecosystem === "pip") set("version", /==\s*([^\s,;]+)/.exec(f.package)?.[1]);
  }
  const npmLike = ecosystem === "npm" || (f.url !== undefined && isNpmUrl(f.url));
  if (npmLike && f.url && url) {
    const fromUrl = npmPackageFromUrl(f.url);
    if (fromUrl) {
      set("package_name", fromUrl.name);
      set("package", fromUrl.name);
      set("version", fromUrl.version);
    }
    set("registry", npmRegistry(f.url, url.origin, f.package_name));
  }
  // npm ERESOLVE: `acme-core@"^2.0.0" from acme-widget@1.0.0` names the package in conflict first.
  if (ecosystem === "npm" && f.conflict) set("package_name", /^(@?[^@\s"]+)@/.exec(f.conflict)?.[1]);
  if (f.package_name?.startsWith("@") && f.package_name.includes("/")) set("scope", f.package_name.slice(0, f.package_name.indexOf("/")));
  if (f.registry) set("registry_auth_key", f.registry.replace(/^[a-z][a-z0-9+.-]*:/i, "").replace(/\/?$/, "/"));
  if (f.url && url) {
    const simple = f.url.indexOf("/simple/");
    if (simple > 0) set("index_url", f.url.slice(0, simple + "/simple/".length));
  }

  // Containers: the registry of an image reference (Docker Hub when the first element is no host).
  if (f.image) {
    const first = f.image.split("/")[0];
    set("image_registry", f.image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost") ? first : "docker.io");
  }

  // Files: the directory to look into.
  set("full_path", f.resolved ?? f.path);
  if (f.path) {
    const p = f.path.replace(/\/+$/, "");
    const slash = p.lastIndexOf("/");
    set("path_dir", slash > 0 ? p.slice(0, slash) : slash === 0 ? "/" : ".");
  }
  return f;
}

interface ParsedUrl {
  scheme: string;
  host: string;
  hostname: string;
  port: string;
  origin: string;
}

function parseUrl(s: string): ParsedUrl | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return undefined;
  try {
    const u = new URL(s);
    if (!u.host) return undefined;
    const scheme = u.protocol.slice(0, -1).toLowerCase();
    const hostname = u.hostname.replace(/^\[(.*)\]$/, "$1");
    return { scheme, host: u.host, hostname, port: u.port, origin: `${scheme}://${u.host}` };
  } catch {
    return undefined;
  }
}

function splitHostPort(host: string): { hostname: string; port?: string } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (v6) return { hostname: v6[1], port: v6[2] };
  const hp = /^([^:/\s]+):(\d{1,5})$/.exec(host);
  if (hp) return { hostname: hp[1], port: hp[2] };
  return { hostname: host };
}

function joinHostPort(hostname: string, port: string): string {
  return hostname.includes(":") ? `[${hostname}]:${port}` : `${hostname}:${port}`;
}

/** Go's module path escaping in proxy URLs: upper-case letters become `!` + lower case. */
export function goEscapePath(module: string): string {
  return module.replace(/[A-Z]/g, (c) => `!${c.toLowerCase()}`);
}

function goUnescapePath(escaped: string): string {
  return escaped.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * `https://proxy/prefix/github.com/acme/greet/@v/v1.0.0.mod` → proxy `https://proxy/prefix`, module
 * `github.com/acme/greet`, version `v1.0.0`. Without a known module, the module path starts at the first
 * path element that looks like a domain name (module paths begin with one).
 */
export function goProxyParts(rawUrl: string, origin: string, module?: string): { proxy: string; module?: string; version?: string } | undefined {
  const clean = rawUrl.replace(/[?#].*$/, "");
  const at = /\/@v\/|\/@latest$/.exec(clean);
  if (!at || !clean.startsWith(origin)) return undefined;
  const base = clean.slice(0, at.index); // proxy + "/" + escaped module
  const rest = clean.slice(at.index);
  const vm = /^\/@v\/(.+)\.(?:info|mod|zip)$/.exec(rest);
  const version = vm ? decodeSafe(vm[1]) : rest === "/@v/list" || rest === "/@latest" ? "latest" : undefined;
  if (module) {
    const tail = `/${goEscapePath(module)}`;
    if (base.endsWith(tail) && base.length - tail.length >= origin.length) return { proxy: base.slice(0, base.length - tail.length), module, version };
  }
  const path = base.slice(origin.length);
  const segments = path.split("/");
  const start = segments.findIndex((s, i) => i > 0 && s.includes("."));
  if (start < 0) return undefined;
  const proxy = origin + segments.slice(0, start).join("/");
  return { proxy, module: goUnescapePath(decodeSafe(segments.slice(start).join("/"))), version };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** GOPRIVATE pattern for a module: `github.com/acme/*` on shared code hosts, `git.corp.example/*` elsewhere. */
export function goPrivatePattern(module: string): string {
  const parts = module.split("/").filter(Boolean);
  if (parts.length === 0) return module;
  if (parts.length >= 2 && MULTI_TENANT_HOSTS.has(parts[0].toLowerCase())) return `${parts[0]}/${parts[1]}/*`;
  return parts.length >= 2 ? `${parts[0]}/*` : parts[0];
}

/** `@acme/logger@^2.1.0` → `@acme/logger`; `left-pad@1.3.0` → `left-pad`; a Go import path stays as is. */
function npmStyleName(spec: string): string {
  const from = spec.startsWith("@") ? 1 : 0;
  const at = spec.indexOf("@", from);
  return (at > 0 ? spec.slice(0, at) : spec).trim();
}

/** `requests==2.31.0`, `setuptools>=40.8.0`, `Foo[bar]~=1.0; python_version<"3.9"` → the project name. */
function pipName(spec: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(spec.trim())?.[0] ?? spec;
}

function isNpmUrl(s: string): boolean {
  return /\/-\/[^/]+\.tgz$/.test(s) || /\/@[^/]+%2[fF][^/]+$/.test(s);
}

function npmPackageFromUrl(s: string): { name: string; version?: string } | undefined {
  const tarball = /\/((?:@[^/]+\/)?[^/]+)\/-\/[^/]+?-(\d[^/]*)\.tgz$/.exec(s);
  if (tarball) return { name: decodeSafe(tarball[1]), version: tarball[2] };
  const scoped = /\/(@[^/%]+)%2[fF]([^/]+)$/.exec(s);
  if (scoped) return { name: `${decodeSafe(scoped[1])}/${decodeSafe(scoped[2])}` };
  return undefined;
}

function npmRegistry(s: string, origin: string, name?: string): string {
  const tarball = /^(.*?)\/(?:@[^/]+\/)?[^/]+\/-\/[^/]+\.tgz$/.exec(s);
  if (tarball && tarball[1].length >= origin.length) return `${tarball[1]}/`;
  const scoped = /^(.*)\/@[^/%]+%2[fF][^/]+$/.exec(s);
  if (scoped && scoped[1].length >= origin.length) return `${scoped[1]}/`;
  if (name && s.endsWith(`/${name}`)) return s.slice(0, s.length - name.length);
  return `${origin}/`;
}

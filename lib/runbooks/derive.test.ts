// Values derived from event fields: what the commands need but the log states only indirectly.
import { describe, expect, it } from "vitest";
import { deriveFields, goPrivatePattern, goProxyParts } from "./derive";

describe("GOPRIVATE pattern from a module path", () => {
  it.each([
    ["github.com/acme/greet", "github.com/acme/*"],
    ["github.com/acme-corp/billing-internal/v2", "github.com/acme-corp/*"],
    ["gitlab.com/group/sub/project", "gitlab.com/group/*"],
    ["bitbucket.org/team/repo", "bitbucket.org/team/*"],
    ["git.corp.example/platform/payments", "git.corp.example/*"],
    ["go.acme.dev/lib", "go.acme.dev/*"],
    ["localmod", "localmod"],
  ])("%s → %s", (module, pattern) => {
    expect(goPrivatePattern(module)).toBe(pattern);
    expect(deriveFields({ module }).goprivate).toBe(pattern);
  });
});

describe("Go proxy URLs", () => {
  it("splits proxy, module and version when the module is known", () => {
    expect(goProxyParts("http://127.0.0.1:18081/github.com/acme/greet/@v/v1.2.0.mod", "http://127.0.0.1:18081", "github.com/acme/greet")).toEqual({
      proxy: "http://127.0.0.1:18081",
      module: "github.com/acme/greet",
      version: "v1.2.0",
    });
  });

  it("keeps a proxy path prefix and unescapes upper case when the module is not known", () => {
    const f = deriveFields({ url: "https://artifacts.corp.example/api/go/go-remote/github.com/!burnt!sushi/toml/@v/v1.3.2.zip" });
    expect(f.proxy).toBe("https://artifacts.corp.example/api/go/go-remote");
    expect(f.module).toBe("github.com/BurntSushi/toml");
    expect(f.version).toBe("v1.3.2");
    expect(f.module_escaped).toBe("github.com/!burnt!sushi/toml");
    expect(f.goprivate).toBe("github.com/BurntSushi/*");
  });

  it("reads @v/list and @latest as the latest version, which is not a tag", () => {
    const f = deriveFields({ url: "http://127.0.0.1:18081/github.com/acme/strutils/@v/list", module: "github.com/acme/strutils", version: "latest" });
    expect(f.proxy).toBe("http://127.0.0.1:18081");
    expect(f.tag).toBeUndefined();
    expect(deriveFields({ url: "https://proxy.golang.org/golang.org/x/mod/@latest" }).version).toBe("latest");
  });

  it("does not invent a proxy for other URLs", () => {
    expect(deriveFields({ url: "http://127.0.0.1:18181/@acme%2flogger" }).proxy).toBeUndefined();
    expect(deriveFields({ url: "https://github.com/acme/greet.git" }).proxy).toBeUndefined();
  });

  it("takes real tags but not pseudo-versions as tags", () => {
    expect(deriveFields({ version: "v1.0.0" }).tag).toBe("v1.0.0");
    expect(deriveFields({ version: "v2.1.0-rc.1" }).tag).toBe("v2.1.0-rc.1");
    expect(deriveFields({ version: "v0.0.0-20240101120000-abcdef123456" }).tag).toBeUndefined();
  });
});

describe("hosts and ports", () => {
  it("reads them from a URL, with scheme default ports", () => {
    expect(deriveFields({ url: "https://proxy.golang.org/github.com/pkg/errors/@v/v0.9.1.mod" })).toMatchObject({ host: "proxy.golang.org", hostname: "proxy.golang.org", port: "443", origin: "https://proxy.golang.org" });
    expect(deriveFields({ url: "http://127.0.0.1:18099/x" })).toMatchObject({ host: "127.0.0.1:18099", hostname: "127.0.0.1", port: "18099" });
  });

  it("splits a host:port field and IPv6 literals", () => {
    expect(deriveFields({ host: "127.0.0.1:18090" })).toMatchObject({ hostname: "127.0.0.1", port: "18090" });
    expect(deriveFields({ host: "[::1]:5432" })).toMatchObject({ hostname: "::1", port: "5432" });
    expect(deriveFields({ host: "db.internal" })).toMatchObject({ hostname: "db.internal" });
  });

  it("keeps the fields the event states over derived ones", () => {
    expect(deriveFields({ url: "http://a.example:81/x", host: "b.example", port: 99 })).toMatchObject({ host: "b.example", hostname: "a.example", port: "99" });
  });

  it("reads scp-style git remotes and strace socket addresses", () => {
    expect(deriveFields({ url: "git@github.com:acme/repo.git" })).toMatchObject({ hostname: "github.com", port: "22" });
    expect(deriveFields({ addr: "127.0.0.1", port: 18199 })).toMatchObject({ hostname: "127.0.0.1", host: "127.0.0.1:18199" });
  });
});

describe("packages and registries", () => {
  it("npm: scoped packument URL gives package, scope, registry and its .npmrc key", () => {
    expect(deriveFields({ url: "https://npm-mirror.build.acme-corp.net/@acme%2flogger" }, "npm")).toMatchObject({
      package_name: "@acme/logger",
      scope: "@acme",
      registry: "https://npm-mirror.build.acme-corp.net/",
      registry_auth_key: "//npm-mirror.build.acme-corp.net/",
    });
  });

  it("npm: tarball URL gives registry (with path) and version", () => {
    expect(deriveFields({ package: "acme-utils", url: "https://registry.example.com/npm/acme-utils/-/acme-utils-2.0.0.tgz" }, "npm")).toMatchObject({
      package_name: "acme-utils",
      version: "2.0.0",
      registry: "https://registry.example.com/npm/",
      registry_auth_key: "//registry.example.com/npm/",
    });
  });

  it("npm: package spec with a range gives the bare name", () => {
    expect(deriveFields({ package: "@madeup-scope/widget-kit@^2.1.0" }, "npm")).toMatchObject({ package_name: "@madeup-scope/widget-kit", scope: "@madeup-scope" });
  });

  it("npm: ERESOLVE conflict names the package", () => {
    expect(deriveFields({ code: "ERESOLVE", conflict: 'acme-core@"^2.0.0" from acme-widget@1.0.0' }, "npm").package_name).toBe("acme-core");
    expect(deriveFields({ conflict: '@acme/core@"^2.0.0" from x@1' }, "npm").package_name).toBe("@acme/core");
  });

  it("pip: requirement specifiers give the project name and pinned version; simple URLs give the index", () => {
    expect(deriveFields({ package: "requests==2.31.0" }, "pip")).toMatchObject({ package_name: "requests", version: "2.31.0" });
    expect(deriveFields({ package: "setuptools>=40.8.0" }, "pip").package_name).toBe("setuptools");
    expect(deriveFields({ url: "http://127.0.0.1:18281/simple/acme-textkit/acme-textkit-1.0.0.tar.gz" }, "pip").index_url).toBe("http://127.0.0.1:18281/simple/");
  });

  it("images: registry host, Docker Hub otherwise", () => {
    expect(deriveFields({ image: "ghcr.io/acme/api:1.2" }).image_registry).toBe("ghcr.io");
    expect(deriveFields({ image: "localhost:5000/api" }).image_registry).toBe("localhost:5000");
    expect(deriveFields({ image: "library/nginx:1.25" }).image_registry).toBe("docker.io");
    expect(deriveFields({ image: "nginx" }).image_registry).toBe("docker.io");
  });

  it("paths: directory and the resolved form", () => {
    expect(deriveFields({ path: "/srv/ci/dev/shared-models/go.mod" }).path_dir).toBe("/srv/ci/dev/shared-models");
    expect(deriveFields({ path: "config.yaml" }).path_dir).toBe(".");
    expect(deriveFields({ path: "./config.yaml", resolved: "/srv/app/config.yaml" }).full_path).toBe("/srv/app/config.yaml");
  });
});

describe("cleaning", () => {
  it("drops empty values, stringifies numbers and replaces control and bidi characters", () => {
    const f = deriveFields({ a: "", b: 5, c: "x\u202Ey\u0007z", d: null as unknown as string });
    expect(f).toMatchObject({ b: "5", c: "x\uFFFDy\uFFFDz" });
    expect("a" in f).toBe(false);
    expect("d" in f).toBe(false);
  });

  it("does bounded work on huge hostile URLs", () => {
    const t = Date.now();
    deriveFields({ url: `https://h/${"a-".repeat(200_000)}.tgz`, package: "@".repeat(100_000) }, "npm");
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

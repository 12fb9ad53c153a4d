import { describe, expect, it } from "vitest";
import { incidentTitle } from "./incident-title";

describe("incidentTitle", () => {
  it("names the module, the path or the host a failure hit", () => {
    expect(incidentTitle("checksum_mismatch", { module: "github.com/acme/greet", version: "v1.0.0" }, "acme/ledger-cli")).toBe("checksum mismatch: github.com/acme/greet@v1.0.0 in ledger-cli");
    expect(incidentTitle("enoent", { syscall: "openat", path: "config/app.toml" })).toBe("missing file: config/app.toml");
  });

  it("names a traced peer by address and port rather than by the syscall", () => {
    expect(incidentTitle("tls_error", { syscall: "write", addr: "127.0.0.1", port: 18443, alert: "unknown_ca" })).toBe("TLS error: 127.0.0.1:18443");
    expect(incidentTitle("not_found", { syscall: "recvfrom", sqlstate: "3D000", database: "analytics_ci" })).toBe("not found: analytics_ci");
    expect(incidentTitle("out_of_memory", { syscall: "mmap" })).toBe("out of memory: mmap");
  });
});

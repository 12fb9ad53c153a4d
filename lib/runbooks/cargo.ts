// Cargo and rustc.
import type { Runbook } from "./types";

export const cargoRunbooks: Runbook[] = [
  {
    id: "cargo-checksum",
    ecosystem: "cargo",
    classes: ["checksum_mismatch"],
    title: "Cargo checksum mismatch for {package}",
    summary: "The checksum of {package} does not match Cargo.lock or the registry index: the crate file in the local cache is corrupt, a vendored copy was edited, or the lockfile was produced against another registry.",
    diagnose: [
      { text: "Compare Cargo.lock's entry with the registry's (source and checksum lines).", command: "grep -nF -A3 -- 'name = \"{package_name}\"' Cargo.lock" },
      { text: "With vendoring, check whether files under vendor/ were changed (.cargo-checksum.json records their hashes).", command: "git status --short vendor/" },
    ],
    fix: [
      { text: "Remove the cached crate file and fetch it again.", command: "rm -f ~/.cargo/registry/cache/*/{package_name}-*.crate\ncargo fetch" },
      { text: "If vendored sources were edited, restore them and put changes in a [patch] section instead.", command: "git checkout -- vendor/\ncargo vendor" },
    ],
    prevent: [
      { text: "Build with --locked in CI, and never edit vendored crates in place." },
    ],
  },
  {
    id: "cargo-dependency-resolution",
    ecosystem: "cargo",
    classes: ["not_found", "version_conflict"],
    title: "Cargo could not resolve {package}",
    summary: "Cargo found no version of {package} that satisfies the requirements (no such crate or version in the index, conflicting requirements, or a rust-version newer than the toolchain).",
    diagnose: [
      { text: "Which versions exist, and who requires what?", command: "cargo search {package_name} --limit 5\ncargo tree -i {package_name}" },
      { text: "Compare the toolchain with the rust-version crates require.", command: "rustc --version\ncargo --version" },
    ],
    fix: [
      { text: "Update the lockfile entry for the crate, or relax the requirement in Cargo.toml.", command: "cargo update -p {package_name}" },
      { text: "If a crate needs a newer Rust, update the toolchain (rust-toolchain.toml) or pin the crate to a version supporting yours.", command: "rustup update stable" },
    ],
    prevent: [
      { text: "Commit Cargo.lock for binaries, pin the toolchain in rust-toolchain.toml, and set rust-version in Cargo.toml." },
    ],
  },
  {
    id: "cargo-registry-unreachable",
    ecosystem: "cargo",
    classes: ["dns_failure", "timeout", "connection_refused", "tls_error"],
    title: "Cargo cannot reach the registry {hostname}",
    summary: "Cargo's downloads from {host} failed (spurious network errors, then failure): DNS, a missing proxy, a firewall, or TLS verification.",
    diagnose: [
      { text: "Test the index endpoint (sparse protocol) from the runner.", command: "curl -sv https://index.crates.io/config.json" },
      { text: "Check resolution and proxy settings Cargo uses (http.proxy, CARGO_HTTP_PROXY, HTTPS_PROXY).", command: "getent hosts {hostname}\nenv | grep -iE '^(cargo_|https?_proxy)'" },
      { text: "Retry with network debugging.", command: "CARGO_HTTP_DEBUG=true CARGO_LOG=network=debug cargo fetch" },
    ],
    fix: [
      { text: "Configure the proxy or corporate CA for Cargo (~/.cargo/config.toml: [http] proxy / cainfo), and raise retries.", command: "export CARGO_NET_RETRY=10\nexport CARGO_HTTP_TIMEOUT=120" },
      { text: "Use a registry mirror via source replacement ([source.crates-io] replace-with = \"mirror\"), or vendor dependencies and build offline.", command: "cargo vendor\ncargo build --offline --locked" },
    ],
    prevent: [
      { text: "Cache ~/.cargo/registry between CI runs and use the sparse protocol (default since Rust 1.70)." },
    ],
  },
  {
    id: "rust-compile-error",
    ecosystem: "cargo",
    classes: ["compile_error"],
    title: "Rust compile error {code} in {file}",
    summary: "rustc rejected {file}:{lineno}: {message}",
    diagnose: [
      { text: "Read the compiler's long explanation of the error code.", command: "rustc --explain {code}" },
      { text: "Reproduce with the same toolchain.", command: "rustc --version\ncargo check --all-targets --message-format=short" },
    ],
    fix: [
      { text: "Fix the code at the reported span; if a dependency update changed an API, pin it back with cargo update -p <crate> --precise <version>." },
    ],
    prevent: [
      { text: "Pin the toolchain (rust-toolchain.toml) and run cargo check / clippy on pull requests." },
    ],
  },
];

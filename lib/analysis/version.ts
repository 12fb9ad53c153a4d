// Recorded with every analysis; bump whenever rules, folding or what is stored change so stored results
// can be re-run. 1.1.0: log groups and the stored strace report. 1.2.0: rules and strace judgements from
// the held-out-style runs (fixtures/heldout). 1.3.0: strace TLS alerts, EMFILE, a thread's own -ff file,
// probes stated with the use of their path, ld searches, resets, PostgreSQL refusals (strace rounds 3-4);
// log rules from held-out logs round 3 (tsc, make, psql, pytest, mocha, JVM classes, cargo manifests, tar).
export const ANALYZER_VERSION = "1.3.0";

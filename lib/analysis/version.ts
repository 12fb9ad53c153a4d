// Recorded with every analysis; bump whenever rules, folding or what is stored change so stored results
// can be re-run. 1.1.0: log groups and the stored strace report. 1.2.0: rules and strace judgements from
// the held-out-style runs (fixtures/heldout).
export const ANALYZER_VERSION = "1.2.0";

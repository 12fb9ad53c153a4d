// Recorded with every analysis; bump whenever rules or folding change so stored results can be re-run.
export const ANALYZER_VERSION = "1.0.0";

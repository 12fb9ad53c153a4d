// Public API of the analysis engine. Pure Node: no framework, database or app imports.
export { analyzeFile, analyzeFiles, analyzeStream, analyzeText } from "./analyze";
export { ANALYZER_VERSION } from "./version";
export type * from "./types";

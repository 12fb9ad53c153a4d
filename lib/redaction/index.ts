// Secret redaction for log text: pure functions, safe to use anywhere (worker, routes, pages, CLI).
export { createRedactor, mask, MAX_PRIVATE_KEY_LINES, redactFields, redactLine, redactText, type Redactor, type SecretKind } from "./redact";
export { redactAnalysisResult } from "./redact-result";
export { isSensitiveKey } from "./detectors";

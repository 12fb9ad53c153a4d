// Field extractors shared by several rule tables. All are anchored or start with a literal, so each is
// a single linear pass over the bounded line.

/** `go: MOD@VER: ...`, `verifying MOD@VER: ...`, `\tMOD@VER: ...` (Go module-qualified errors). */
export const GO_MODULE = /^(?:go: (?:[^\s@]+@[^\s:]+ requires\s*)?|\s+)?(?:verifying )?(?<module>[^\s@:'"()]+)@(?<version>[^\s:'"()/]+)/;

/** Go's net/http client errors quote the request: `Get "https://...": ...`. */
export const GO_HTTP_URL = /\b(?:Get|Head|Post|Put|Patch|Delete) "(?<url>[^"\s]+)"/;

/** git and curl quote the remote: `unable to access 'https://...': ...`. */
export const QUOTED_ACCESS_URL = /unable to access '(?<url>[^'\s]+)'/;

/** First http(s) URL on the line. */
export const ANY_URL = /(?<url>https?:\/\/[^\s'"<>()]+[^\s'"<>().,:;])/;

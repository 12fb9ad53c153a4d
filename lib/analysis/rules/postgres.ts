// PostgreSQL clients (psql/libpq, drivers printing libpq or server messages) and server logs.
import type { Rule } from "./rule";

/** A server log line's prefix (`2026-11-21 03:54:19.607 UTC [29137] FATAL: …`): the backend's pid. */
const SERVER_LOG_PID = /^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[(?<pid>\d+)\]/;
const SERVER_AT = /connection to server at "(?<host>[^"]+)"(?: \((?<ip>[^)]+)\))?, port (?<port>\d+) failed/;

export const postgresRules: Rule[] = [
  {
    id: "postgres.too-many-clients",
    ecosystem: "postgres",
    class: "too_many_connections",
    runbookId: "postgres-too-many-connections",
    literals: ["too many clients already", "remaining connection slots are reserved", "too many connections for", "Too many connections"],
    pattern: /(?<detail>sorry, too many clients already|remaining connection slots are reserved for[^\n]*[^\s"]|too many connections for (?:role|database) "[^"\n]+"|Too many connections)/,
    extract: [SERVER_AT, SERVER_LOG_PID],
  },
  {
    id: "postgres.connection-refused",
    ecosystem: "postgres",
    class: "connection_refused",
    runbookId: "postgres-connection-refused",
    literals: ["failed: Connection refused", "could not connect to server", "failed: No such file or directory"],
    pattern: /connection to server at "(?<host>[^"]+)"(?: \((?<ip>[^)]+)\))?, port (?<port>\d+) failed: Connection refused|could not connect to server: (?:Connection refused|No such file or directory)|connection to server on socket "(?<path>[^"]+)" failed: (?:No such file or directory|Connection refused)/,
    continuation: {
      line: /^\s+(?:Is the server running|TCP\/IP connections on port|connections on Unix domain socket)/,
      fields: [/on host "(?<host>[^"]+)"(?: \((?<ip>[^)]+)\))?/, /on port (?<port>\d+)/, /Unix domain socket "(?<path>[^"]+)"/],
      max: 3,
    },
  },
  {
    // Rejected credentials, from the client (`psql: error: … failed: FATAL:  password authentication
    // failed for user "app"`) or in the server's log.
    id: "postgres.password-failed",
    ecosystem: "postgres",
    class: "http_401",
    runbookId: "http-unauthorized",
    literals: ["password authentication failed for user"],
    pattern: /FATAL: {1,2}password authentication failed for user "(?<user>[^"\n]+)"/,
    extract: [SERVER_AT, SERVER_LOG_PID],
    // Health checks (pg_isready, container probes) connect as the OS user, root, without a password:
    // the server logs a failure for each probe while the service is fine.
    post: (f) => !(f.pid !== undefined && f.user === "root"),
    key: ["user", "host", "port"],
  },
  {
    id: "postgres.database-missing",
    ecosystem: "postgres",
    class: "not_found",
    runbookId: "resource-not-found",
    literals: ["\" does not exist"],
    pattern: /FATAL: {1,2}database "(?<database>[^"\n]+)" does not exist/,
    extract: [SERVER_AT, SERVER_LOG_PID],
    key: ["database", "host", "port"],
  },
  {
    // A statement the server could not parse (a migration or script run with psql -f): `psql:FILE:LINE: ERROR:  syntax error at or near ")"`.
    id: "postgres.syntax-error",
    ecosystem: "postgres",
    class: "compile_error",
    runbookId: "compile-error",
    literals: ["ERROR:  syntax error at", "ERROR: syntax error at"],
    pattern: /^(?:psql:(?<file>[^:\s]+):(?<lineno>\d+): )?ERROR: {1,2}syntax error at (?:or near "(?<token>[^"\n]*)"|end of input)/,
    continuation: { line: /^(?:LINE \d+: |\s+\^)/, max: 3 },
  },
  {
    // The role may not use or create in a schema, table, database…: `ERROR:  permission denied for schema public`.
    id: "postgres.permission-denied",
    ecosystem: "postgres",
    class: "permission_denied",
    runbookId: "permission-denied",
    literals: ["ERROR:  permission denied for", "ERROR: permission denied for", "FATAL:  permission denied for"],
    pattern: /^(?:psql:(?<file>[^:\s]+):(?<lineno>\d+): )?(?:ERROR|FATAL): {1,2}permission denied for (?<object_type>schema|table|relation|database|sequence|function|view|tablespace|language) (?<object>"?[^\s"]+"?)/,
    continuation: { line: /^(?:LINE \d+: |\s+\^|DETAIL: |HINT: )/, max: 4 },
  },
  {
    // A statement on a table that is not there (a migration run out of order, a missing earlier one).
    id: "postgres.undefined-table",
    ecosystem: "postgres",
    class: "not_found",
    runbookId: "resource-not-found",
    literals: ["ERROR:  relation \"", "ERROR: relation \""],
    pattern: /^(?:psql:(?<file>[^:\s]+):(?<lineno>\d+): )?ERROR: {1,2}relation "(?<relation>[^"\n]+)" does not exist/,
    continuation: { line: /^(?:LINE \d+: |\s+\^)/, max: 3 },
  },
  {
    id: "postgres.unknown-host",
    ecosystem: "postgres",
    class: "dns_failure",
    runbookId: "dns-failure",
    literals: ["could not translate host name"],
    pattern: /could not translate host name "(?<host>[^"]+)" to address/,
  },
  {
    id: "postgres.connect-timeout",
    ecosystem: "postgres",
    class: "timeout",
    runbookId: "network-timeout",
    literals: ["failed: timeout expired"],
    pattern: /failed: (?<detail>timeout expired)/,
    extract: [SERVER_AT],
  },
];

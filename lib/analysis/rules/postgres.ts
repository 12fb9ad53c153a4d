// PostgreSQL clients (psql/libpq, drivers printing libpq or server messages) and server logs.
import type { Rule } from "./rule";

const SERVER_AT = /connection to server at "(?<host>[^"]+)"(?: \((?<ip>[^)]+)\))?, port (?<port>\d+) failed/;

export const postgresRules: Rule[] = [
  {
    id: "postgres.too-many-clients",
    ecosystem: "postgres",
    class: "too_many_connections",
    runbookId: "postgres-too-many-connections",
    literals: ["too many clients already", "remaining connection slots are reserved", "too many connections for", "Too many connections"],
    pattern: /(?<detail>sorry, too many clients already|remaining connection slots are reserved for[^\n]*[^\s"]|too many connections for (?:role|database) "[^"\n]+"|Too many connections)/,
    extract: [SERVER_AT, /^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[(?<pid>\d+)\]/],
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

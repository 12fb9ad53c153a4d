// PostgreSQL clients and servers.
import type { Runbook } from "./types";

export const postgresRunbooks: Runbook[] = [
  {
    id: "postgres-too-many-connections",
    ecosystem: "postgres",
    classes: ["too_many_connections"],
    title: "PostgreSQL: too many clients",
    summary: "The server refused a new session because all max_connections slots are taken (the last superuser_reserved_connections slots are kept for superusers): {detail}. Usually pools that are too big for the server, leaked or idle-in-transaction sessions, or parallel test workers each opening their own pool.",
    diagnose: [
      { text: "Check readiness and connect with a reserved superuser slot (if one is still free).", command: "pg_isready -h {hostname} -p {port}\npsql -h {hostname} -p {port} -U postgres -c 'SHOW max_connections' -c 'SHOW superuser_reserved_connections'" },
      { text: "How many sessions are open, and who holds them?", command: "psql -h {hostname} -p {port} -U postgres -c 'SELECT count(*) FROM pg_stat_activity'\npsql -h {hostname} -p {port} -U postgres -c 'SELECT usename, application_name, client_addr, state, count(*) FROM pg_stat_activity GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC'" },
      { text: "Look for sessions stuck idle in a transaction (they hold a slot and locks).", command: "psql -h {hostname} -p {port} -U postgres -c \"SELECT pid, usename, application_name, now() - state_change AS idle_for FROM pg_stat_activity WHERE state = 'idle in transaction' ORDER BY idle_for DESC\"" },
    ],
    fix: [
      { text: "Free slots now by ending leaked sessions of the offending application (check with its owner first).", command: "psql -h {hostname} -p {port} -U postgres -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '<app>' AND state = 'idle'\"" },
      { text: "Size pools so that (instances × workers × pool size) stays below max_connections minus reserved slots: e.g. node-postgres `max`, Prisma `connection_limit` in the URL, HikariCP `maximumPoolSize`." },
      { text: "Put PgBouncer (transaction pooling) in front of the database when many clients need short sessions." },
      { text: "Raise max_connections only with memory to match (each connection costs work_mem and a process); it needs a restart.", command: "psql -h {hostname} -p {port} -U postgres -c 'ALTER SYSTEM SET max_connections = 200'" },
      { text: "End sessions that sit idle in a transaction automatically.", command: "psql -h {hostname} -p {port} -U postgres -c \"ALTER SYSTEM SET idle_in_transaction_session_timeout = '5min'\" -c 'SELECT pg_reload_conf()'" },
    ],
    prevent: [
      { text: "Alert when pg_stat_activity count passes ~80% of max_connections, and give every application its own application_name so the count can be attributed." },
      { text: "In CI, share one small pool per test worker and close it after the suite." },
    ],
  },
  {
    id: "postgres-connection-refused",
    ecosystem: "postgres",
    classes: ["connection_refused"],
    title: "PostgreSQL: connection refused at {hostname}:{port}",
    summary: "Nothing accepts connections at {hostname}:{port} (or the Unix socket): the server is not running or not yet ready, listens on another address or port, or the client points at the wrong host.",
    diagnose: [
      { text: "Is a server accepting connections there?", command: "pg_isready -h {hostname} -p {port}" },
      { text: "On the database host: is postgres running and on which addresses and ports does it listen?", command: "systemctl status postgresql --no-pager\nss -ltnp | grep -i postgres\npsql -U postgres -c 'SHOW listen_addresses' -c 'SHOW port'" },
      { text: "Where does the client point (DATABASE_URL, PGHOST, PGPORT)?", command: "env | grep -E '^(DATABASE_URL|PGHOST|PGPORT)=' | sed 's/:[^:@]*@/:***@/'" },
    ],
    fix: [
      { text: "Start the server, or in CI wait until the service container is ready before running the tests.", command: "until pg_isready -h {hostname} -p {port}; do sleep 1; done" },
      { text: "If it listens only on localhost and clients come from elsewhere, set listen_addresses (and a matching pg_hba.conf rule), then restart." },
      { text: "Fix the host/port in the connection string." },
    ],
    prevent: [
      { text: "Give CI database services a health check (pg_isready) and make jobs depend on it instead of sleeping." },
    ],
  },
];

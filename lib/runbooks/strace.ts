// Failures read from strace dumps. The analyzer gives every strace event the runbook id
// `strace-<class-with-dashes>`; each class it can emit has a runbook (or an alias) here.
import type { Runbook, RunbookStep } from "./types";

const RETRACE: RunbookStep = {
  text: "Re-run the command under strace with timestamps, syscall durations and file-descriptor paths, keeping only failed calls (-Z, strace 5.2+) for a first look.",
  command: "strace -f -tt -T -y -s 256 -Z -o trace.txt <command>",
};

const SAME_PROCESS: RunbookStep = {
  text: "Read what process {pid} did just before the failure (its previous calls show the path, address or working directory it used).",
  command: "grep -n '^{pid} ' trace.txt | tail -40",
};

export const straceRunbooks: Runbook[] = [
  {
    id: "strace-enoent",
    ecosystem: "strace",
    classes: ["enoent"],
    title: "strace: {syscall} {path} failed with ENOENT",
    summary: "Process {pid} tried to {syscall} {path} and it does not exist; the first missing path component is {missing_component}. Only the failure the process did not recover from matters: loaders and config searches probe many paths that are expected to miss.",
    diagnose: [
      { text: "Walk the path: everything before {missing_component} exists, that component does not.", command: "namei -l {full_path}" },
      { text: "For a relative path, check the process's working directory (chdir calls in the trace); resolved against it, the path is {full_path}.", command: "grep -nE '^{pid} .*(chdir|fchdir)\\(' trace.txt" },
      SAME_PROCESS,
      RETRACE,
    ],
    fix: [
      { text: "Create or restore the missing component ({missing_component}), fix the configured path, or start the program from the directory it expects." },
    ],
    prevent: [
      { text: "Make the program report the path it could not open and stop at once, instead of continuing to a later, less clear failure." },
    ],
  },
  {
    id: "strace-permission-denied",
    ecosystem: "strace",
    classes: ["permission_denied"],
    title: "strace: {syscall} {path} failed with {errno}",
    summary: "Process {pid} was not allowed to {syscall} {path} ({errno}): ownership or mode bits of the file or a parent directory, a read-only mount, or (EPERM on sockets and kill) a privilege the process lacks.",
    diagnose: [
      { text: "Owner and mode of every path component, as the user the process ran as.", command: "namei -l {full_path}\nid" },
      { text: "Is it a read-only mount?", command: "findmnt -T {path_dir}" },
      SAME_PROCESS,
    ],
    fix: [
      { text: "Give the path to the user that runs the program, or run the program as the user that owns it; for binding ports below 1024, use a higher port or the CAP_NET_BIND_SERVICE capability rather than root.", command: "sudo chown -R \"$USER\": {path_dir}" },
    ],
    prevent: [
      { text: "Run each service as a dedicated user that owns its files, and declare writable paths explicitly (e.g. systemd ReadWritePaths)." },
    ],
  },
  {
    id: "strace-connection-refused",
    ecosystem: "strace",
    classes: ["connection_refused"],
    title: "strace: connection refused by {host}",
    summary: "Process {pid} called {syscall} to {host} and got ECONNREFUSED (or the host/network was unreachable): nothing listens at that address and port.",
    diagnose: [
      { text: "Test the endpoint from the same machine.", command: "nc -vz -w 5 {hostname} {port}" },
      { text: "See every connection attempt with its address (strace -c summaries do not show addresses).", command: "strace -f -tt -y -e trace=%network -o trace.txt <command>\ngrep -n 'connect(' trace.txt" },
      { text: "On the target: is anything listening there?", command: "ss -ltnp" },
    ],
    fix: [
      { text: "Start the service (or wait for it to be ready) or point the program at the right address and port." },
    ],
    prevent: [
      { text: "Health-check dependencies before starting the program, and log the address on connection errors." },
    ],
  },
  {
    id: "strace-timeout",
    ecosystem: "strace",
    classes: ["timeout"],
    title: "strace: timed out",
    summary: "A call in process {pid} timed out (ETIMEDOUT on a connection), or the command was stopped by timeout(1)'s SIGTERM: something blocked longer than allowed.",
    diagnose: [
      { text: "Find the slowest calls: -T appends each call's duration in <seconds>.", command: "grep -nE '<[0-9]+\\.[0-9]+>$' trace.txt | sort -t'<' -k2 -rn | head" },
      { text: "For a network timeout, test the endpoint and look for a silent firewall drop.", command: "nc -vz -w 5 {hostname} {port}" },
      SAME_PROCESS,
    ],
    fix: [
      { text: "Remove the blocking cause (unreachable endpoint, lock, missing input on stdin), or raise the time limit if the work is legitimately slow." },
    ],
    prevent: [
      { text: "Give network calls explicit deadlines shorter than the job's overall timeout, so the log names what hung." },
    ],
  },
  {
    id: "strace-dns-failure",
    ecosystem: "strace",
    classes: ["dns_failure"],
    title: "strace: DNS lookup of {hostname} answered {rcode}",
    summary: "The resolver at {server} answered {rcode} for the {qtype} query of {hostname}: the name does not exist in the DNS this machine uses (wrong name, internal zone not visible, search domain expansion).",
    diagnose: [
      { text: "Ask the same server for the same record.", command: "dig @{server} {hostname} {qtype}" },
      { text: "Resolve it the way programs do, and see the resolver configuration.", command: "getent hosts {hostname}\ncat /etc/resolv.conf" },
    ],
    fix: [
      { text: "Fix the host name in the program's configuration, or give the machine a resolver that serves the internal zone." },
    ],
    prevent: [
      { text: "Check DNS for required hosts in the environment's health check." },
    ],
  },
  {
    id: "strace-too-many-connections",
    ecosystem: "strace",
    classes: ["too_many_connections"],
    title: "strace: PostgreSQL refused the session (too many clients)",
    summary: "Process {pid} received a PostgreSQL error 53300 from {host}: every connection slot is in use.",
    diagnose: [
      { text: "Count and attribute the sessions on the server.", command: "psql -h {hostname} -p {port} -U postgres -c 'SELECT usename, application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2, 3 ORDER BY 4 DESC'" },
    ],
    fix: [
      { text: "Shrink client pools or add PgBouncer; end leaked idle sessions (see the PostgreSQL too-many-connections runbook)." },
    ],
    prevent: [
      { text: "Alert on connection usage and give each client an application_name." },
    ],
  },
  {
    id: "strace-disk-full",
    ecosystem: "strace",
    classes: ["disk_full"],
    title: "strace: {syscall} failed with {errno}",
    summary: "Process {pid} could not write ({errno}): the file system (or the user's quota) holding {path} is full.",
    diagnose: [
      { text: "Which file system, and is it blocks or inodes?", command: "df -h {path_dir}\ndf -i {path_dir}" },
      { text: "What fills it?", command: "du -xsh {path_dir}/* 2>/dev/null | sort -h | tail" },
    ],
    fix: [
      { text: "Free space or write to a larger volume (TMPDIR, cache directories)." },
    ],
    prevent: [
      { text: "Alert on disk usage and clean caches on a schedule." },
    ],
  },
  {
    id: "strace-out-of-memory",
    ecosystem: "strace",
    classes: ["out_of_memory"],
    title: "strace: {syscall} failed with ENOMEM",
    summary: "Process {pid} could not get memory ({syscall} returned ENOMEM): an address-space or cgroup memory limit, or the machine is out of memory.",
    diagnose: [
      { text: "Check per-process and cgroup limits.", command: "ulimit -a\ncat /sys/fs/cgroup/memory.max /sys/fs/cgroup/memory.current 2>/dev/null; free -m" },
    ],
    fix: [
      { text: "Raise the limit (ulimit -v, container memory) or reduce the program's memory use or parallelism." },
    ],
    prevent: [
      { text: "Size limits from measured peak usage." },
    ],
  },
  {
    id: "strace-fd-exhausted",
    ecosystem: "strace",
    classes: ["out_of_memory"],
    title: "strace: {syscall} failed: too many open files",
    summary: "Process {pid} ran out of file descriptors ({syscall} returned EMFILE, or ENFILE for the whole system): its open-files limit is too low for what it keeps open, or it leaks descriptors.",
    diagnose: [
      { text: "Check the limit the program ran with and how many descriptors it holds.", command: "ulimit -n\nls /proc/<pid>/fd | wc -l\ncat /proc/sys/fs/file-nr" },
      { text: "See which files stayed open before the failure (opens without a matching close).", command: "strace -f -y -e trace=openat,socket,close -o trace.txt <command>" },
    ],
    fix: [
      { text: "Raise the limit (ulimit -n, LimitNOFILE= in systemd, --ulimit nofile= for containers), or close files the program no longer needs." },
    ],
    prevent: [
      { text: "Set the open-files limit explicitly in CI and service units; test with a low limit to catch leaks." },
    ],
  },
  {
    id: "strace-process-exit",
    ecosystem: "strace",
    classes: ["process_exit"],
    title: "strace: process {pid} exited with {exit_code}",
    summary: "Process {pid} ended with status {exit_code}; the exit is the consequence, the cause is a failed call or message of this process (or a child) before it.",
    diagnose: [
      SAME_PROCESS,
      { text: "Show the process's own error output (writes to fd 2).", command: "grep -nE '^{pid} +[0-9:.]* *write\\(2' trace.txt" },
    ],
    fix: [
      { text: "Fix the first failure the process hit; the exit status only reports it." },
    ],
    prevent: [
      { text: "Make programs print the failing path or address before exiting non-zero." },
    ],
  },
  {
    id: "strace-http-status",
    ecosystem: "strace",
    classes: ["http_401", "http_403", "not_found", "auth_required", "rate_limited"],
    aliases: ["strace-http-401", "strace-http-403", "strace-not-found", "strace-auth-required", "strace-rate-limited"],
    title: "strace: HTTP {status} received from {host}",
    summary: "Process {pid} received an HTTP {status} answer from {host}: 401 wants credentials, 403 refuses them, 404/410 means the path does not exist, 407 wants proxy credentials, 429 is a rate limit.",
    diagnose: [
      { text: "See the request that got this answer (the write/sendto just before the read) with longer strings.", command: "strace -f -s 4096 -e trace=%network,write,read -o trace.txt <command>" },
      SAME_PROCESS,
    ],
    fix: [
      { text: "401/407: give the program valid credentials for {host}; 403: grant the identity access; 404: fix the requested path; 429: authenticate, cache and back off." },
    ],
    prevent: [
      { text: "Log the URL and status on HTTP errors so a trace is not needed next time." },
    ],
  },
  {
    id: "strace-tls-error",
    ecosystem: "strace",
    classes: ["tls_error"],
    title: "strace: TLS handshake with {host} failed",
    summary: "Process {pid} and {host} gave up a TLS handshake with a fatal alert ({syscall} of the alert record): unknown_ca, bad_certificate or certificate_expired mean the client rejected the server's certificate (untrusted or self-signed CA, TLS-inspecting proxy, wrong clock); handshake_failure or protocol_version mean no common cipher or TLS version.",
    diagnose: [
      { text: "Show the chain the server sends, who issued it, and its validity dates.", command: "openssl s_client -connect {hostname}:{port} -showcerts </dev/null" },
      { text: "Which CA bundle overrides are set for the tools?", command: "env | grep -E '^(SSL_CERT_FILE|SSL_CERT_DIR|NODE_EXTRA_CA_CERTS|GIT_SSL_CAINFO|REQUESTS_CA_BUNDLE|PIP_CERT|CURL_CA_BUNDLE)='" },
      SAME_PROCESS,
    ],
    fix: [
      { text: "Install the issuing CA into the system trust store (or the tool's CA bundle), fix the clock, or give the server a certificate for the name clients use (see the TLS certificate runbook)." },
    ],
    prevent: [
      { text: "Ship the internal CA with the runner image and alert on certificates nearing expiry." },
    ],
  },
];

#!/usr/bin/env bash
# `npm start` with no DATABASE_URL: it must start an embedded Postgres, migrate, serve /api/health,
# and stop everything cleanly on SIGTERM.
set -euo pipefail
data_dir=$(mktemp -d /tmp/faultline-smoke-XXXXXX)
port=3199
log=$(mktemp)
# Its own session, so SIGTERM reaches the whole process group as a terminal's Ctrl-C or systemd would.
setsid env -u DATABASE_URL FAULTLINE_DATA_DIR="$data_dir" FAULTLINE_EMBEDDED_PG_PORT=54398 PORT=$port npm start >"$log" 2>&1 &
pid=$!
ok=0
for _ in $(seq 1 300); do
  if curl -fsS "http://127.0.0.1:$port/api/health" 2>/dev/null | grep -q '"database":"up"'; then ok=1; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 1
done
kill -TERM -- -$pid 2>/dev/null || true
for _ in $(seq 1 60); do
  pgrep -f "$data_dir/pg" >/dev/null || pgrep -g $pid >/dev/null || break
  sleep 1
done
if [ $ok -ne 1 ]; then
  echo "embedded smoke: /api/health never reported the database up"; cat "$log"; exit 1
fi
if pgrep -f "$data_dir/pg" >/dev/null; then
  echo "embedded smoke: Postgres still running after SIGTERM"; exit 1
fi
echo "embedded smoke: started, served /api/health with the embedded database, stopped cleanly"
rm -rf "$data_dir" "$log"

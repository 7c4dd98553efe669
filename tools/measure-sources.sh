#!/usr/bin/env bash
# Measures the sources page (GET /listening/sources, as the coordinator) against a running Loa, one request at a
# time: p50 and p95 latency, and with the server's process id the server's CPU (user + system time of its JVM,
# PostgreSQL not included) per request.
#
#   tools/measure-sources.sh [BASE_URL] [ROUNDS] [SERVER_PID]   e.g. tools/measure-sources.sh http://localhost:8080 20 12345
#
# With ADD_SOURCES=N it first adds N RSS sources ("Nguồn đo NNNN", due for a poll only in a year, so that nothing is
# fetched) straight into the embedded PostgreSQL of DATA_DIR (./data unless set), as its owner, with psql; run it once
# per data directory. Needs curl and the demo accounts (password loa-demo). The first three requests warm up and are
# not counted.
set -euo pipefail
BASE=${1:-http://localhost:8080}
ROUNDS=${2:-20}
PID=${3:-}
TICK=$(getconf CLK_TCK)
cpu() { if [ -n "$PID" ]; then awk '{ print $14 + $15 }' "/proc/$PID/stat"; else echo 0; fi; }

if [ -n "${ADD_SOURCES:-}" ]; then
  port=$(sed -n 4p "${DATA_DIR:-data}/postmaster.pid")
  psql -q -h localhost -p "$port" -U postgres loa -c "
    INSERT INTO post_source (code, kind, created_at, name, url, platform, enabled, next_poll_at, agency_id)
    SELECT 'rss-nguon-do-' || lpad(g::text, 4, '0'), 'RSS', now(), 'Nguồn đo ' || lpad(g::text, 4, '0'),
           'https://example.org/do/' || g || '.xml', 'news', TRUE, now() + interval '1 year',
           (SELECT id FROM agency WHERE code = 'SYT' ORDER BY valid_from DESC LIMIT 1)
    FROM generate_series(1, $ADD_SOURCES) g ON CONFLICT (code) DO NOTHING"
fi

jar=$(mktemp); out=$(mktemp)
trap 'rm -f "$jar" "$out"' EXIT
csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$jar" -b "$jar" -d "username=coordinator&password=loa-demo&_csrf=$csrf" "$BASE/login"
for path in "/listening/sources" "/listening/sources?page=2" "/listening/sources?q=nguon+do+12"; do
  : > "$out"
  for i in 1 2 3; do curl -s -o /dev/null -b "$jar" "$BASE$path"; done
  before=$(cpu)
  for i in $(seq 1 "$ROUNDS"); do
    t=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total} %{size_download}' "$BASE$path")
    if [ "${t%% *}" != 200 ]; then echo "HTTP ${t%% *} for $path" >&2; exit 1; fi
    echo "${t#* }" >> "$out"
  done
  after=$(cpu)
  sort -n "$out" | awk -v what="$path" -v ticks=$((after - before)) -v hz="$TICK" -v pid="$PID" '{ v[NR] = $1; kb = $2 / 1024 } END {
    printf "%-36s n=%d  p50 %.0f ms  p95 %.0f ms  max %.0f ms  %.0f KiB", what, NR, v[int(NR*0.50+0.5)]*1000, v[int(NR*0.95+0.5)]*1000, v[NR]*1000, kb;
    if (pid != "") printf "  server CPU %.1f ms/request", ticks * 1000 / hz / NR;
    printf "\n" }'
done

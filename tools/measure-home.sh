#!/usr/bin/env bash
# Measures the home page (GET /) of each demo role against a running Loa, one request at a time:
# p50 and p95 latency and, when the server's process id is given, the server's CPU (user + system
# time of its JVM, PostgreSQL not included) per request.
#
#   tools/measure-home.sh [BASE_URL] [ROUNDS] [SERVER_PID]   e.g. tools/measure-home.sh http://localhost:8080 100 12345
#
# Needs curl and the demo accounts (password loa-demo). The first five requests of each user warm up
# and are not counted.
set -euo pipefail
BASE=${1:-http://localhost:8080}
ROUNDS=${2:-100}
PID=${3:-}
TICK=$(getconf CLK_TCK)
cpu() { if [ -n "$PID" ]; then awk '{ print $14 + $15 }' "/proc/$PID/stat"; else echo 0; fi; }

for user in leader coordinator officer spokesperson press; do
  jar=$(mktemp); out=$(mktemp)
  csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$jar" -b "$jar" -d "username=$user&password=loa-demo&_csrf=$csrf" "$BASE/login"
  for i in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$BASE/"; done
  before=$(cpu)
  for i in $(seq 1 "$ROUNDS"); do
    t=$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$BASE/")
    if [ "${t%% *}" != 200 ]; then echo "HTTP ${t%% *} for $user" >&2; exit 1; fi
    echo "${t#* }" >> "$out"
  done
  after=$(cpu)
  sort -n "$out" | awk -v who="$user" -v ticks=$((after - before)) -v hz="$TICK" -v pid="$PID" '{ v[NR] = $1 } END {
    printf "home %-12s n=%d  p50 %.0f ms  p95 %.0f ms  max %.0f ms", who, NR, v[int(NR*0.50+0.5)]*1000, v[int(NR*0.95+0.5)]*1000, v[NR]*1000;
    if (pid != "") printf "  server CPU %.1f ms/request", ticks * 1000 / hz / NR;
    printf "\n" }'
  rm -f "$jar" "$out"
done

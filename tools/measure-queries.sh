#!/usr/bin/env bash
# Measures the latency of dashboard and search requests against a running Loa, as a user's browser
# makes them (signed in, one at a time), and prints p50 and p95 per kind of request.
#
#   tools/measure-queries.sh [BASE_URL] [ROUNDS]     e.g. tools/measure-queries.sh http://localhost:8080 40
#
# Needs curl and the demo accounts (password loa-demo). Each round asks every URL below once, in a
# shuffled order; the first round warms the caches up and is not counted.
#
# With LOA_PID set to the server's process id (e.g. LOA_PID=$(pgrep -f loa.jar)), also prints the
# server's CPU time per request of each kind: the process's user + system time (from /proc) over the
# counted rounds, divided by the requests. Background work the requests cause (a trend computation
# started because a result grew old) is counted in; run it on an otherwise idle server. Beside it, in
# brackets, the CPU of the threads that answer requests only (Tomcat's http-nio-PORT-exec-N, whose
# name /proc cuts to http-nio-PORT-e), and of the trend computations (loa-trends). With PG_PID set to
# the embedded database's postmaster (the first line of data/postgres/postmaster.pid), also prints the
# database's CPU per request (postmaster, its live backends and those that ended).
set -euo pipefail
BASE=${1:-http://localhost:8080}
ROUNDS=${2:-40}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

sign_in() {
  rm -f "$JAR"
  local csrf
  csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$JAR" -b "$JAR" -d "username=$1&password=loa-demo&_csrf=$csrf" "$BASE/login"
}

HOME_PAGES=( "/" "/listening" "/trends" )
DASHBOARD=(
  "/api/v1/overview?days=1" "/api/v1/overview?days=7" "/api/v1/overview?days=30" "/api/v1/overview?days=90"
  "/listening?days=30" "/api/v1/trends"
)
SEARCH=(
  "/api/v1/posts?q=benh+vien" "/api/v1/posts?q=b%E1%BB%87nh+vi%E1%BB%87n+qu%C3%A1+t%E1%BA%A3i"
  "/api/v1/posts?q=%22h%E1%BB%8Dc+sinh%22" "/api/v1/posts?q=giao+thong&sort=time"
  "/api/v1/posts?q=lua+dao&sentiment=negative" "/api/v1/posts?platform=facebook&sort=time"
  "/api/v1/posts?q=tien+dien&collapse=true" "/api/v1/posts?q=cam+on&from=2026-01-01&to=2026-06-30"
)

cpu_ms() { # the server's user + system CPU time so far, in milliseconds
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) * 1000 / hz }' "/proc/$LOA_PID/stat"
}

threads_cpu_ms() { # the CPU so far of the server's live threads whose name (cut to 15 characters) matches $1, in ms
  local task
  for task in /proc/"$LOA_PID"/task/*; do
    if [[ "$(cat "$task/comm" 2>/dev/null)" =~ $1 ]]; then cat "$task/stat" 2>/dev/null; fi
  done | awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t * 1000 / hz }'
}

database_cpu_ms() { # the embedded database's CPU so far: the postmaster with its ended children, and its live ones
  { cat "/proc/$PG_PID/stat"; for child in $(pgrep -P "$PG_PID"); do cat "/proc/$child/stat" 2>/dev/null; done; } |
    awk -v pm="$PG_PID" -v hz="$(getconf CLK_TCK)" '{ t += $14 + $15; if ($1 == pm) t += $16 + $17 } END { print t * 1000 / hz }'
}

measure() { # user kind urls...
  local user=$1 kind=$2; shift 2
  sign_in "$user"
  local out; out=$(mktemp)
  local cpu_start="" requests_start="" trends_start="" database_start=""
  for round in $(seq 0 "$ROUNDS"); do
    if [ "$round" -eq 1 ] && [ -n "${LOA_PID:-}" ]; then
      cpu_start=$(cpu_ms); requests_start=$(threads_cpu_ms '^http-nio-[0-9]+-e'); trends_start=$(threads_cpu_ms '^loa-trends')
      if [ -n "${PG_PID:-}" ]; then database_start=$(database_cpu_ms); fi
    fi
    for url in $(printf '%s\n' "$@" | shuf); do
      t=$(curl -s -o /dev/null -b "$JAR" -w '%{http_code} %{time_total}' "$BASE$url")
      code=${t%% *}
      if [ "$code" != 200 ]; then echo "HTTP $code for $url" >&2; exit 1; fi
      [ "$round" -gt 0 ] && echo "${t#* }" >> "$out"
    done
  done
  local cpu=""
  if [ -n "$cpu_start" ]; then
    cpu=$(awk -v a="$cpu_start" -v b="$(cpu_ms)" -v ra="$requests_start" -v rb="$(threads_cpu_ms '^http-nio-[0-9]+-e')" \
      -v ta="$trends_start" -v tb="$(threads_cpu_ms '^loa-trends')" -v n="$(wc -l < "$out")" \
      'BEGIN { printf "  CPU %.1f ms/request (request threads %.1f, trends %.1f)", (b - a) / n, (rb - ra) / n, (tb - ta) / n }')
    if [ -n "$database_start" ]; then
      cpu="$cpu$(awk -v a="$database_start" -v b="$(database_cpu_ms)" -v n="$(wc -l < "$out")" 'BEGIN { printf "  database CPU %.1f ms/request", (b - a) / n }')"
    fi
  fi
  sort -n "$out" | awk -v who="$user" -v kind="$kind" -v cpu="$cpu" '{ v[NR] = $1 } END {
    p50 = v[int(NR * 0.50 + 0.5)]; p95 = v[int(NR * 0.95 + 0.5)];
    printf "%-10s %-11s n=%d  p50 %.0f ms  p95 %.0f ms  max %.0f ms%s\n", kind, who, NR, p50 * 1000, p95 * 1000, v[NR] * 1000, cpu }'
  rm -f "$out"
}

measure leader home "${HOME_PAGES[@]}"
measure coordinator home "${HOME_PAGES[@]}"
measure officer home "${HOME_PAGES[@]}"
measure coordinator dashboard "${DASHBOARD[@]}"
measure officer dashboard "${DASHBOARD[@]}"
measure coordinator search "${SEARCH[@]}"
measure officer search "${SEARCH[@]}"

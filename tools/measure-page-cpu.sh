#!/usr/bin/env bash
# The server's CPU per request of each page, one page at a time, as a signed-in user asks for it: the whole process,
# the threads that answer requests (Tomcat's http-nio-PORT-exec-N), the JIT compilers and the garbage collector.
#
#   LOA_PID=<server pid> tools/measure-page-cpu.sh BASE_URL USER REQUESTS PAGE...
#   e.g. LOA_PID=$(pgrep -f loa.jar) tools/measure-page-cpu.sh http://localhost:8080 leader 100 / /listening /trends
#
# Needs curl and the demo accounts (password loa-demo). Each page is asked for 5 times first, not counted. Run it on
# an otherwise idle server: background work (a trend computation) is counted in the process's figure.
set -euo pipefail
BASE=$1; USER_NAME=$2; REQUESTS=$3; shift 3
: "${LOA_PID:?set LOA_PID to the process id of the server}"
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" -d "username=$USER_NAME&password=loa-demo&_csrf=$csrf" "$BASE/login"
HZ=$(getconf CLK_TCK)

process_ms() { awk -v hz="$HZ" '{ print ($14 + $15) * 1000 / hz }' "/proc/$LOA_PID/stat"; }

threads_ms() { # the CPU so far of the live threads whose name (cut to 15 characters) matches $1
  local task
  for task in /proc/"$LOA_PID"/task/*; do
    if [[ "$(cat "$task/comm" 2>/dev/null)" =~ $1 ]]; then cat "$task/stat" 2>/dev/null; fi
  done | awk -v hz="$HZ" '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t * 1000 / hz }'
}

for page in "$@"; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$JAR" "$BASE$page"; done
  p0=$(process_ms); r0=$(threads_ms '^http-nio'); j0=$(threads_ms '^C[12] Comp'); g0=$(threads_ms 'G1|GC')
  for _ in $(seq "$REQUESTS"); do
    code=$(curl -s -o /dev/null -b "$JAR" -w '%{http_code}' "$BASE$page")
    if [ "$code" != 200 ]; then echo "HTTP $code for $page" >&2; exit 1; fi
  done
  awk -v p0="$p0" -v p1="$(process_ms)" -v r0="$r0" -v r1="$(threads_ms '^http-nio')" -v j0="$j0" \
    -v j1="$(threads_ms '^C[12] Comp')" -v g0="$g0" -v g1="$(threads_ms 'G1|GC')" -v n="$REQUESTS" -v page="$page" \
    'BEGIN { printf "%-30s CPU %.1f ms/request (request threads %.1f, JIT %.1f, GC %.1f)\n", page, (p1 - p0) / n, (r1 - r0) / n, (j1 - j0) / n, (g1 - g0) / n }'
done

#!/usr/bin/env bash
# Measures end-to-end ingest through a running Loa, as a coordinator would do it: uploads each file
# to POST /api/v1/posts/import (one after another; each answer comes once the file's posts are
# stored and rolled up), then waits until the search index has caught up (the "posts waiting for
# the search index" figure on /listening/sources is 0). Prints the seconds taken and posts per second.
#
#   tools/measure-ingest.sh BASE_URL FILE...      e.g. tools/measure-ingest.sh http://localhost:8080 part-*.jsonl
#
# Needs curl and the demo account "coordinator" (password loa-demo). Uploads are limited to 200 MB
# each (spring.servlet.multipart.max-file-size): split a larger file with split -l.
set -euo pipefail
BASE=$1; shift
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
csrf=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" -d "username=coordinator&password=loa-demo&_csrf=$csrf" "$BASE/login"
token() { curl -s -b "$JAR" "$BASE/listening/sources" | grep -o 'name="_csrf" content="[^"]*"\|name="_csrf" value="[^"]*"' | head -1 | sed 's/.*\(content\|value\)="//;s/"//'; }
lag() { curl -s -b "$JAR" "$BASE/listening/sources" | grep -o 'id="index-lag">[0-9]*' | sed 's/.*>//'; }

start=$(date +%s.%N)
read=0; stored=0
for file in "$@"; do
  answer=$(curl -s -b "$JAR" -H "X-CSRF-TOKEN: $(token)" -F "file=@$file" "$BASE/api/v1/posts/import")
  r=$(echo "$answer" | grep -o '"read":[0-9]*' | cut -d: -f2)
  s=$(echo "$answer" | grep -o '"stored":[0-9]*' | cut -d: -f2)
  if [[ -z "$r" ]]; then echo "import of $file failed: ${answer:0:300}" >&2; exit 1; fi
  read=$((read + r)); stored=$((stored + s))
  echo "$file: read $r, stored $s, after $(echo "$(date +%s.%N) - $start" | bc) s"
done
imported=$(echo "$(date +%s.%N) - $start" | bc)
while [[ "$(lag)" != "0" ]]; do sleep 1; done
indexed=$(echo "$(date +%s.%N) - $start" | bc)
echo "read $read, stored $stored"
echo "stored and rolled up after $imported s; searchable after $indexed s"
echo "end to end: $(echo "$read / $indexed" | bc) posts read per second, $(echo "$stored / $indexed" | bc) stored per second"

#!/usr/bin/env bash
# Prepares a load measurement of the misinformation desk's claim matcher: through the API of a running
# Loa (demo accounts), opens N cases whose claims are the texts of N lines spread over a JSONL file of
# posts, and takes each through the workflow to REFUTED (coordinator: triage, assign to SYT; officer:
# verify, draft; spokesperson: approve). Importing that file afterwards makes the matcher compare every
# new post with N refuted claims, and its reposts are real repeats.
#
#   tools/refute-claims.sh BASE_URL FILE N        e.g. tools/refute-claims.sh http://localhost:8080 posts.jsonl 20
#
# Needs curl and python3.
set -euo pipefail
BASE=$1; FILE=$2; N=$3
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
login() {
  local csrf
  csrf=$(curl -s -c "$DIR/$1" -b "$DIR/$1" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s -o /dev/null -c "$DIR/$1" -b "$DIR/$1" -d "username=$1&password=loa-demo&_csrf=$csrf" "$BASE/login"
}
token() { curl -s -b "$DIR/$1" "$BASE/cases" | grep -o 'name="_csrf" content="[^"]*"' | head -1 | sed 's/.*content="//;s/"//'; }
api() { # user path json
  curl -s -f -b "$DIR/$1" -H "X-CSRF-TOKEN: $(token "$1")" -H "Content-Type: application/json" -d "$3" "$BASE$2"
}
for user in coordinator officer spokesperson; do login $user; done
lines=$(wc -l < "$FILE")
python3 - "$FILE" "$N" "$lines" > "$DIR/claims" <<'PY'
import json, sys
path, n, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
step = max(1, lines // n)
with open(path, encoding='utf-8') as f:
    for i, line in enumerate(f):
        if i % step == 0 and i // step < n:
            text = " ".join(json.loads(line)["text"].split())[:300]
            print(json.dumps({"claim": text, "category": "FALSE_INFORMATION", "severity": "HIGH", "agencyCode": "SYT"},
                             ensure_ascii=False))
PY
count=0
while IFS= read -r claim; do
  id=$(api coordinator /api/v1/cases "$claim" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  api coordinator "/api/v1/cases/$id/transitions" '{"action": "TRIAGE"}' > /dev/null
  api coordinator "/api/v1/cases/$id/transitions" '{"action": "ASSIGN", "agencyCode": "SYT"}' > /dev/null
  api officer "/api/v1/cases/$id/transitions" '{"action": "START_VERIFICATION"}' > /dev/null
  api officer "/api/v1/cases/$id/transitions" '{"action": "SUBMIT_ANSWER", "verdict": "FALSE", "explanation": "Đo tải."}' > /dev/null
  api spokesperson "/api/v1/cases/$id/transitions" '{"action": "APPROVE"}' > /dev/null
  count=$((count + 1))
done < "$DIR/claims"
echo "$count cases refuted"

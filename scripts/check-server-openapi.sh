#!/usr/bin/env bash
# schemathesis against `wfm serve` on loopback, from the OpenAPI document the server serves:
# its default run (every check it runs by default) over every operation, with a center and a
# finished plan to find. Exits 1 on any failure; 77 (skipped) when schemathesis is missing,
# unless CI is set, where that is a failure.
# Usage: scripts/check-server-openapi.sh WFM_BINARY
set -euo pipefail
binary=$(realpath "$1")
scripts=$(cd "$(dirname "$0")" && pwd)
if ! command -v schemathesis >/dev/null 2>&1; then
  echo "check-server-openapi: schemathesis is missing (pip install schemathesis)" >&2
  if [ -n "${CI:-}" ]; then exit 1; else exit 77; fi
fi
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" bench generate --centers 1 --size tiny --out "$work/set" >/dev/null
"$binary" serve --data "$work/data" --port 0 --import "$work/set/center-01/center.yaml" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q "open http" "$work/serve.log" && break; sleep 0.1; done
base=$(sed -n 's|.*open \(http://[^ ]*\)/ .*|\1|p' "$work/serve.log")
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }
plan=$(curl -sf -X POST "$base/api/centers/1/plans" -H 'Content-Type: application/json' -d '{"time_limit_seconds": 5, "relative_gap": 0.1}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for _ in $(seq 1 300); do
  curl -sf "$base/api/plans/$plan" | grep -q '"state":"succeeded"' && break
  sleep 0.5
done
schemathesis --config-file "$scripts/schemathesis.toml" run "$base/api/openapi.yaml" --url "$base" --seed 1 --no-color

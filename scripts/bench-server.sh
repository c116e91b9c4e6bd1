#!/usr/bin/env bash
# Benchmarks `wfm serve` on loopback with wrk (Debian's wrk): on the demo,
#  1. evaluating an edited roster (a break moved; the page's request: the changed roster.csv
#     row and a day),
#     20 concurrent connections for DURATION: requests per second and latency p50/p95/p99;
#  2. a what-if volume change (the page's slider: baseline and scenario figures of a day),
#     one connection: latency p50/p95;
#  3. memory: the server's resident set (now and peak) with 10 centers of the demo's size
#     loaded (each planned, and its figures asked once, so that its workbench is in memory).
# Usage: scripts/bench-server.sh WFM_BINARY [DURATION, default 20s]
set -euo pipefail
binary=$(realpath "$1")
duration=${2:-20s}
root=$(cd "$(dirname "$0")/.." && pwd)
command -v wrk >/dev/null || { echo "bench-server: wrk is missing (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
"$binary" serve --data "$work/data" --port 0 --import "$root/Inputs/demo/center.yaml" >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do grep -q "open http" "$work/serve.log" && break; sleep 0.1; done
base=$(sed -n 's|.*open \(http://[^ ]*\)/ .*|\1|p' "$work/serve.log")

plan() {  # plan center $1; print the plan's id once it has succeeded
  local id
  id=$(curl -sf -X POST "$base/api/centers/$1/plans" -H 'Content-Type: application/json' -d '{"time_limit_seconds": 60}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 1 600); do
    curl -sf "$base/api/plans/$id" | grep -q '"state":"succeeded"' && { echo "$id"; return; }
    sleep 0.5
  done
  echo "bench-server: plan $id of center $1 did not succeed" >&2; exit 1
}
first=$(plan 1)

python3 - "$base" "$first" "$work" <<'PY'
import json, sys, urllib.request
base, plan, work = sys.argv[1], sys.argv[2], sys.argv[3]
roster = urllib.request.urlopen(f"{base}/api/plans/{plan}/roster.csv").read().decode().splitlines()
header, rows = roster[0], roster[1:]
agent, day, template, start, end, paid, breaks = rows[0].split(",")[:7]
first, rest = breaks.split(";")[0], breaks.split(";")[1:]
def later(clock):
    hours, minutes = map(int, clock.split(":")); minutes += 15
    return f"{hours + minutes // 60:02d}:{minutes % 60:02d}"
moved = "-".join(later(t) for t in first.split("-"))
rows[0] = ",".join([agent, day, template, start, end, paid, ";".join([moved] + rest)])
json.dump({"changed_rows": header + "\n" + rows[0] + "\n", "day": day}, open(f"{work}/evaluate.json", "w"))
json.dump({"scenario": {"volume_factor": 1.2}, "day": day}, open(f"{work}/whatif.json", "w"))
PY
cat >"$work/post.lua" <<'LUA'
local path = os.getenv("BODY")
local file = io.open(path, "r")
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %d errors (non-2xx %d)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
LUA
curl -sf -X POST "$base/api/plans/$first/evaluate" -H 'Content-Type: application/json' -d @"$work/evaluate.json" >/dev/null
echo "== evaluate an edited roster of the demo: 20 connections, $duration"
BODY="$work/evaluate.json" wrk -t2 -c20 -d"$duration" -s "$work/post.lua" "$base/api/plans/$first/evaluate" | grep -E "Requests/sec|p50"
echo "== what-if volume x1.2 on the demo: 1 connection, $duration"
BODY="$work/whatif.json" wrk -t1 -c1 -d"$duration" -s "$work/post.lua" "$base/api/plans/$first/whatif" | grep -E "Requests/sec|p50"

echo "== memory with 10 centers of the demo's size loaded"
for n in $(seq 2 10); do
  python3 - "$root/Inputs/demo" "$n" >"$work/upload.json" <<'PY'
import json, sys, os
folder, n = sys.argv[1], sys.argv[2]
files = {name: open(os.path.join(folder, name)).read() for name in ["center.yaml", "agents.csv", "history.csv"]}
files["center.yaml"] = files["center.yaml"].replace("name: Demo Contact Center", f"name: Demo Contact Center {n}")
print(json.dumps({"files": files}))
PY
  curl -sf -X POST "$base/api/centers" -H 'Content-Type: application/json' -d @"$work/upload.json" >/dev/null
  id=$(plan "$n")
  curl -sf -X POST "$base/api/plans/$id/evaluate" -H 'Content-Type: application/json' -d '{}' >/dev/null
done
grep -E "VmRSS|VmHWM" "/proc/$server/status"

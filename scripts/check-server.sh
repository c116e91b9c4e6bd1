#!/usr/bin/env bash
# `wfm serve` checked from outside, on the debug build `make test` made: real Chromium through
# Selenium, schemathesis against the OpenAPI document, and kill -9 during publishing. A check
# whose tool is missing exits 77 and is reported skipped here; on CI (CI set) the checks fail
# instead. Exit 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/.."
swift build --product wfm >/dev/null || exit 1
binary="$(swift build --show-bin-path)/wfm"
status=0
for check in "python3 scripts/check-server-browser.py $binary" "scripts/check-server-openapi.sh $binary" \
             "python3 scripts/check-server-crash.py $binary"; do
  echo "check-server: $check"
  $check
  code=$?
  if [ "$code" -eq 77 ]; then
    echo "check-server: skipped (a tool is missing): $check"
  elif [ "$code" -ne 0 ]; then
    echo "check-server: FAILED: $check" >&2
    status=1
  fi
done
exit $status

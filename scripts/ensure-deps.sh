#!/usr/bin/env bash
# Installs the C libraries wfm builds against when their headers are missing: GLPK
# (libglpk-dev, the solver) and SQLite (libsqlite3-dev, the database of `wfm serve`).
# Uses apt-get directly as root, through sudo otherwise. Idempotent.
set -euo pipefail

missing=()
[ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ] || missing+=(libglpk-dev)
[ -f /usr/include/sqlite3.h ] || [ -f /usr/local/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-deps: ${missing[*]} not found and apt-get is unavailable; install them by hand." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  run() { sudo "$@"; }
else
  echo "ensure-deps: need root or sudo to install ${missing[*]}." >&2
  exit 1
fi

echo "ensure-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq "${missing[@]}" >/dev/null
test -f /usr/include/glpk.h
test -f /usr/include/sqlite3.h

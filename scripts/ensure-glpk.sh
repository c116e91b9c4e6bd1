#!/usr/bin/env bash
# Installs GLPK's development package (libglpk-dev) when its header is missing.
# Uses apt-get directly as root, through sudo otherwise. Idempotent.
set -euo pipefail

if [ -f /usr/include/glpk.h ] || [ -f /usr/local/include/glpk.h ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-glpk: glpk.h not found and apt-get is unavailable; install GLPK (libglpk-dev) by hand." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  run() { sudo "$@"; }
else
  echo "ensure-glpk: need root or sudo to install libglpk-dev." >&2
  exit 1
fi

echo "ensure-glpk: installing libglpk-dev" >&2
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq libglpk-dev >/dev/null
test -f /usr/include/glpk.h

#!/usr/bin/env bash
# Checks that the Containerfile builds wfm the way CI and `make run` do, so that an image
# built from it is the binary the tests ran against:
#  - its build stage runs `make build`, whose `deps` step is scripts/ensure-deps.sh (the same
#    step `make test`, and so .ci/run, runs) and whose build is `swift build -c release --product wfm`;
#  - the runtime stage installs the library packages that ensure-deps.sh's -dev packages
#    (libglpk-dev, libsqlite3-dev) depend on;
#  - both stages use this machine's Debian release, and the build image this machine's Swift.
# Exit 0 when all hold, 1 naming each that does not.
set -euo pipefail
cd "$(dirname "$0")/.."
problems=0
fail() { echo "check-containerfile: $*" >&2; problems=$((problems + 1)); }

containerfile=Containerfile
[ -f "$containerfile" ] || { fail "no $containerfile"; exit 1; }

grep -Eq '^RUN make build( |$)' "$containerfile" || fail "$containerfile: the build stage does not run 'make build'"
grep -Eq '^test: deps$' Makefile || fail "Makefile: 'make test' no longer runs the deps step"
grep -Eq '^build: deps$' Makefile || fail "Makefile: 'make build' no longer runs the deps step"
grep -Eq '^	@?scripts/ensure-deps.sh$' Makefile || fail "Makefile: the deps step no longer runs scripts/ensure-deps.sh"
grep -Eq '^	\$\(SWIFT\) build -c release --product wfm \$\(SWIFT_BUILD_FLAGS\)$' Makefile \
  || fail "Makefile: 'make build' is no longer 'swift build -c release --product wfm \$(SWIFT_BUILD_FLAGS)'"
grep -Eq '^make test$' .ci/run || fail ".ci/run: no longer runs 'make test'"

dev_packages=$(sed -n 's/.*missing+=(\([a-z0-9.+-]*\)).*/\1/p' scripts/ensure-deps.sh | tr '\n' ' ' | sed 's/ $//')
[ "$dev_packages" = "libglpk-dev libsqlite3-dev" ] || fail "scripts/ensure-deps.sh installs '$dev_packages', not libglpk-dev libsqlite3-dev"
runtime_packages=$(sed -n 's/.*apt-get install -y --no-install-recommends \([a-z0-9.+ -]*[a-z0-9]\).*/\1/p' "$containerfile" | tail -1)
[ -n "$runtime_packages" ] || fail "$containerfile: the runtime stage (the last apt-get install) installs no library packages"
for dev_package in $dev_packages; do
  if command -v apt-cache >/dev/null 2>&1 && apt-cache show "$dev_package" >/dev/null 2>&1; then
    runtime=$(apt-cache depends "$dev_package" | sed -n 's/^ *Depends: \(lib[a-z0-9.+-]*[0-9][a-z0-9.+-]*\)$/\1/p' | grep -v -- '-dev$' | head -1)
    grep -qw -- "$runtime" <<<"$runtime_packages" \
      || fail "$containerfile: the runtime stage installs '$runtime_packages', but $dev_package depends on $runtime"
  else
    echo "check-containerfile: apt-cache cannot show $dev_package here; its runtime dependency was not checked" >&2
  fi
done

codenames=$(sed -n 's/^FROM .*[:-]\(bookworm\|trixie\|bullseye\|forky\)\(-slim\)\?\( AS .*\)\?$/\1/p' "$containerfile" | sort -u)
[ "$(echo "$codenames" | wc -l)" -eq 1 ] && [ -n "$codenames" ] || fail "$containerfile: the stages use Debian releases '$codenames', not one"
if [ -r /etc/os-release ]; then
  here=$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release)
  [ -z "$here" ] || [ "$here" = "$codenames" ] || fail "$containerfile: builds on Debian $codenames, this machine (and CI) runs $here"
fi
image_swift=$(sed -n 's/^FROM .*swift:\([0-9][0-9]*\.[0-9][0-9]*\).* AS build$/\1/p' "$containerfile")
[ -n "$image_swift" ] || fail "$containerfile: the build stage is not FROM a swift:X.Y image"
if command -v swift >/dev/null 2>&1; then
  here_swift=$(swift --version 2>/dev/null | sed -n 's/.*Swift version \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)
  [ -z "$here_swift" ] || [ "$here_swift" = "$image_swift" ] || fail "$containerfile: builds with Swift $image_swift, CI with $here_swift"
fi

if [ "$problems" -gt 0 ]; then exit 1; fi
echo "check-containerfile: the Containerfile builds as CI does (make build: ensure-deps.sh, $dev_packages; runtime $runtime_packages; Debian $codenames; Swift $image_swift)"

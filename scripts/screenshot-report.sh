#!/bin/sh
# Renders an HTML report in headless Chromium and saves a screenshot, to check that the page
# renders with no network and no script. Installs Debian's chromium if it is missing.
# Usage: scripts/screenshot-report.sh out/report.html docs/report.png [WIDTH,HEIGHT] [SCALE]
# SCALE shrinks the image (0.6 gives a 1280-pixel-wide page as 768 pixels).
set -eu
html=${1:?usage: screenshot-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]}
png=${2:?usage: screenshot-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]}
size=${3:-1280,2400}
scale=${4:-1}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null
    browser=$(command -v chromium)
fi
dir=$(cd "$(dirname "$html")" && pwd)
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --window-size="$size" --force-device-scale-factor="$scale" --screenshot="$png" "file://$dir/$(basename "$html")" 2>/dev/null
test -s "$png"
echo "Wrote $png"

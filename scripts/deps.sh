#!/bin/sh
# Install what cscpipe needs from Debian's archive (run as root, or with
# sudo available). Safe to run again: it installs only what is missing.
#   scripts/deps.sh          build, run and test
#   scripts/deps.sh --ci     also LibreOffice and poppler, for the PDF check
set -eu
pkgs="build-essential pkg-config libxml2-dev libxml2-utils libcsv-dev libxlsxwriter-dev
libcmocka-dev python3 python3-openpyxl"
[ "${1:-}" = "--ci" ] && pkgs="$pkgs libreoffice-calc-nogui poppler-utils"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "scripts/deps.sh: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null

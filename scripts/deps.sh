#!/bin/sh
# Install what cscpipe needs from Debian's archive (run as root, or with
# sudo available). Safe to run again: it installs only what is missing.
#   scripts/deps.sh          build, run and test
#   scripts/deps.sh --ci     also LibreOffice and poppler, for the PDF check
#   scripts/deps.sh --fuzz   also clang and libFuzzer (make fuzz, the fuzz
#                            smoke test) and valgrind (tests/e2e/valgrind_e2e.sh)
#   (the flags combine: scripts/deps.sh --ci --fuzz)
set -eu
pkgs="build-essential pkg-config libxml2-dev libxml2-utils libcsv-dev libxlsxwriter-dev libssl-dev libyaml-dev
libcmocka-dev perl python3 python3-openpyxl groff-base man-db"
for a in "$@"; do
	case $a in
	--ci) pkgs="$pkgs libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito fonts-liberation2" ;;
	--fuzz) pkgs="$pkgs clang libclang-rt-14-dev valgrind" ;;
	*) echo "usage: scripts/deps.sh [--ci] [--fuzz]" >&2; exit 4 ;;
	esac
done
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

#!/bin/sh
# The first README command: install what is missing, build, generate the
# bundled sample authority, and run extract -> transform -> load on it.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
make sample

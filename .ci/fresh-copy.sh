#!/usr/bin/env bash
# Usage: .ci/fresh-copy.sh DIR
# Clones this repository into DIR/repo (DIR: a fresh temporary folder with nothing beside
# the clone, so a test that reads any file outside the repo fails there) and
# runs `npm ci` in it. Later CI steps run the README's commands in DIR/repo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIR="$1"
git clone --quiet --no-hardlinks "$PWD" "$DIR/repo"
cd "$DIR/repo"
echo "cloned $(git rev-parse --short HEAD) into $DIR/repo; beside it: $(ls -A "$DIR" | tr '\n' ' ')"
npm ci --no-audit --no-fund --loglevel=error

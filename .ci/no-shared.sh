#!/usr/bin/env bash
# Fails when any tracked file of the project refers to the `shared` folder that sits beside
# the repository on the team's machines (../shared, /work/shared): a clone has no such
# folder, so nothing may read or cite it. Prints each offending line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PATTERN='(\.\./+|/work/+)shared\b'
# This script names the pattern itself, so it is the one file not searched.
if git ls-files -z -- . ':!.ci/no-shared.sh' | xargs -0 grep -I -n -E "$PATTERN" --; then
  echo "error: the lines above refer to a shared folder outside the repository" >&2
  exit 1
fi
echo "no file refers to the shared folder beside the repo ($(git ls-files | wc -l) tracked files checked)"

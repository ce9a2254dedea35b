#!/usr/bin/env bash
# `npm run test:engine`: the engine tests on their own. Brings the engine up with
# setup.sh, runs the suite, and stops the daemon afterwards only if this run started it.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
PIDFILE="${ENGINE_PIDFILE:-/tmp/container-lifecycle-dockerd.pid}"
started_here=0
[ -f "$PIDFILE" ] || started_here=1
bash test/engine/setup.sh || exit 1
[ -f "$PIDFILE" ] || started_here=0
npx vitest run --config vitest.engine.config.ts "$@"
status=$?
if [ "$started_here" -eq 1 ]; then bash test/engine/teardown.sh; fi
exit "$status"

#!/usr/bin/env bash
# Stops the dockerd that test/engine/setup.sh started (its pid file), and nothing else:
# a daemon that was already running before setup.sh is left alone. Containers named
# $ENGINE_PREFIX* (default engine-) are removed first.
set -uo pipefail

PIDFILE="${ENGINE_PIDFILE:-/tmp/container-lifecycle-dockerd.pid}"
PREFIX="${ENGINE_PREFIX:-engine-}"

if docker version >/dev/null 2>&1; then
  ids="$(docker ps -aq --filter "name=^/${PREFIX}")"
  [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
fi

if [ ! -f "$PIDFILE" ]; then
  echo "engine teardown: dockerd was not started by setup.sh; left running"
  exit 0
fi
pid="$(cat "$PIDFILE")"
rm -f "$PIDFILE"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "engine teardown: dockerd $pid did not stop within 30 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
echo "engine teardown: dockerd $pid stopped"

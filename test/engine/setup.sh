#!/usr/bin/env bash
# Brings up the real Docker engine the engine tests talk to (CI and local runs):
#   1. installs docker.io and busybox-static with apt-get when they are missing (needs root);
#   2. starts `dockerd --iptables=false --ip-masq=false --storage-driver=vfs` when no daemon
#      answers on the socket, and waits for it (up to ENGINE_WAIT seconds, default 60);
#   3. imports $ENGINE_IMAGE (default local/busybox:1) when absent: busybox-static's binary as
#      bin/busybox plus the links sh sleep true false kill echo cat, `docker import`ed.
# A daemon this script starts has its pid written to $ENGINE_PIDFILE; test/engine/teardown.sh
# stops that daemon and no other. If the engine cannot start, it says so and exits 1.
# The docker CLI honours DOCKER_HOST, so the script can be pointed at another socket.
set -euo pipefail

IMAGE="${ENGINE_IMAGE:-local/busybox:1}"
PIDFILE="${ENGINE_PIDFILE:-/tmp/container-lifecycle-dockerd.pid}"
LOGFILE="${ENGINE_LOG:-/tmp/container-lifecycle-dockerd.log}"
WAIT="${ENGINE_WAIT:-60}"

say() { echo "engine setup: $*"; }
fail() { echo "engine setup: FAILED: $*" >&2; exit 1; }

need_apt=()
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || need_apt+=(busybox-static)
if [ "${#need_apt[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || fail "missing ${need_apt[*]} and not root: install them with apt-get"
  say "installing ${need_apt[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null \
    || fail "apt-get install ${need_apt[*]} failed"
fi
command -v docker >/dev/null 2>&1 || fail "no docker CLI on PATH (docker.io provides /usr/bin/docker)"

answers() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if answers; then
  say "a daemon already answers (Engine $(docker version --format '{{.Server.Version}}'))"
else
  [ "$(id -u)" -eq 0 ] || fail "no Docker daemon answers and starting dockerd needs root"
  say "starting dockerd --iptables=false --ip-masq=false --storage-driver=vfs (log: $LOGFILE)"
  # setsid: the daemon outlives this script and the CI step that ran it.
  # ENGINE_DOCKERD_ARGS (unquoted on purpose: several words) adds flags, e.g. a second
  # daemon's -H/--data-root/--exec-root when testing this script beside a running one.
  # shellcheck disable=SC2086
  setsid dockerd --iptables=false --ip-masq=false --storage-driver=vfs ${ENGINE_DOCKERD_ARGS:-} \
    >"$LOGFILE" 2>&1 < /dev/null &
  echo $! > "$PIDFILE"
  for _ in $(seq 1 "$((WAIT * 2))"); do
    answers && break
    if ! kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
      rm -f "$PIDFILE"
      tail -n 20 "$LOGFILE" >&2 || true
      fail "dockerd exited during start-up (log above: $LOGFILE)"
    fi
    sleep 0.5
  done
  if ! answers; then
    tail -n 20 "$LOGFILE" >&2 || true
    fail "dockerd started but did not answer within ${WAIT}s (log above: $LOGFILE)"
  fi
  say "dockerd answers (Engine $(docker version --format '{{.Server.Version}}'), pid $(cat "$PIDFILE"))"
fi

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  say "image $IMAGE present"
else
  BUSYBOX="$(dpkg -L busybox-static | grep -m1 '/bin/busybox$')" || fail "busybox-static has no bin/busybox"
  ROOTFS="$(mktemp -d -t engine-busybox.XXXXXX)"
  trap 'rm -rf "$ROOTFS"' EXIT
  mkdir -p "$ROOTFS/bin"
  cp "$BUSYBOX" "$ROOTFS/bin/busybox"
  for applet in sh sleep true false kill echo cat; do ln -s busybox "$ROOTFS/bin/$applet"; done
  tar -C "$ROOTFS" -c . | docker import - "$IMAGE" >/dev/null || fail "docker import $IMAGE failed"
  say "image $IMAGE imported from $BUSYBOX"
fi

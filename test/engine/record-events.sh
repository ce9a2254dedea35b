#!/usr/bin/env bash
# Records a real engine's `docker events` (default text and `{{json .}}`) while a scripted
# scenario runs, and the final `docker ps -a` as the expected result of replaying them:
#   test/fixtures/engine/scenario.events.txt    default text format
#   test/fixtures/engine/scenario.events.jsonl  --format '{{json .}}'
#   test/fixtures/engine/scenario.ps.txt        docker ps -a --format '{{.Names}}\t{{.State}}\t{{.Status}}'
# Scenario: health checks (--health-cmd), a crash loop with a restart policy, pause/unpause,
# stop of each process kind, exec, rename, rm -f. Needs the engine (test/engine/setup.sh).
# Containers are named engine-rec-*; only those are removed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
OUT="${1:-test/fixtures/engine}"
IMAGE="${ENGINE_IMAGE:-local/busybox:1}"
P=engine-rec
mkdir -p "$OUT"

cleanup() { docker ps -aq --filter "name=^/${P}-" | xargs -r docker rm -f >/dev/null 2>&1 || true; }
cleanup
since="$(date +%s)"
docker events --filter "type=container" --filter "type=network" > "$OUT/scenario.events.all.txt" &
TEXT=$!
docker events --filter "type=container" --filter "type=network" --format '{{json .}}' > "$OUT/scenario.events.all.jsonl" &
JSON=$!
sleep 0.5

docker run -d --name $P-health --health-cmd true --health-interval 1s --health-start-period 0s "$IMAGE" sleep 1000 >/dev/null
docker run -d --name $P-crash --restart on-failure:2 "$IMAGE" sh -c 'sleep 1; exit 3' >/dev/null
docker run -d --name $P-ignores "$IMAGE" sleep 1000 >/dev/null
docker run -d --name $P-traps "$IMAGE" sh -c 'trap "exit 0" TERM; while true; do sleep 1000 & wait; done' >/dev/null
docker run -d --name $P-init --init "$IMAGE" sleep 1000 >/dev/null
sleep 3
docker pause $P-ignores >/dev/null
docker unpause $P-ignores >/dev/null
docker exec $P-ignores echo hello >/dev/null
docker stop -t 1 $P-ignores $P-traps $P-init >/dev/null
docker rename $P-init $P-init-renamed
docker start $P-init-renamed >/dev/null
docker stop -t 1 $P-init-renamed >/dev/null
sleep 4 # the crash loop ends: on-failure:2 gives up after two restarts
docker rm -f $P-health >/dev/null
sleep 1
kill "$TEXT" "$JSON"
wait "$TEXT" "$JSON" 2>/dev/null || true

# Container events carry name=engine-rec-…; network events carry container=<id>.
python3 - "$OUT" "$P" <<'PY'
import json, sys
out, prefix = sys.argv[1], sys.argv[2]
lines = [json.loads(l) for l in open(f"{out}/scenario.events.all.jsonl") if l.strip()]
mine = {e["Actor"]["ID"] for e in lines if e.get("Type") == "container" and e["Actor"]["Attributes"].get("name", "").startswith(prefix + "-")}
keep = [e for e in lines if (e.get("Type") == "container" and e["Actor"]["ID"] in mine) or (e.get("Type") == "network" and e["Actor"]["Attributes"].get("container") in mine)]
with open(f"{out}/scenario.events.jsonl", "w") as f:
    for e in keep: f.write(json.dumps(e, separators=(",", ":")) + "\n")
text = [l for l in open(f"{out}/scenario.events.all.txt") if any(i in l for i in mine)]
with open(f"{out}/scenario.events.txt", "w") as f: f.writelines(text)
PY
rm -f "$OUT/scenario.events.all.txt" "$OUT/scenario.events.all.jsonl"
docker ps -a --filter "name=^/${P}-" --format '{{.Names}}\t{{.State}}\t{{.Status}}' | sort > "$OUT/scenario.ps.txt"
cleanup
echo "recorded $(wc -l < "$OUT/scenario.events.jsonl") events (since $since) and $(wc -l < "$OUT/scenario.ps.txt") containers in $OUT"

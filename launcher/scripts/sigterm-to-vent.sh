#!/usr/bin/env bash
# SIGTERM to vent: runs `java -jar upwell.jar demo` in a fresh directory, waits until the session has
# run 2 s, sends SIGTERM, and compares the signal's time with the session journal's record of the
# session going to ABORTED (the engine force-vents a session's cups before it records that) and with
# engine.jsonl's engine-stop record. Prints one line per run, then min/median/max.
#
#   launcher/scripts/sigterm-to-vent.sh [path/to/upwell.jar] [runs]
#
# Needs bash, GNU date and grep; the clocks compared are the same machine's wall clock.
set -euo pipefail

jar=$(realpath "${1:-launcher/target/upwell.jar}")
runs=${2:-7}
vent_ms=()
stop_ms=()

stamp() { date -d "$1" +%s.%N; }
millis() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }

for run in $(seq "$runs"); do
    dir=$(mktemp -d)
    (cd "$dir" && exec java -jar "$jar" demo >out.txt 2>err.txt) &
    pid=$!
    until grep -q '^\[  2 s\]' "$dir/out.txt" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "run $run: the demo ended before its session ran (see $dir)" >&2; exit 1; }
        sleep 0.02
    done
    sent=$(date +%s.%N)
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    aborted=$(grep -h '"to":"ABORTED"' "$dir"/upwell-data/sessions/*.jsonl | head -1 \
        | sed 's/.*"time":"\([^"]*\)".*/\1/' || true)
    stopped=$(grep -h '"type":"engine-stop"' "$dir/upwell-data/engine.jsonl" | tail -1 \
        | sed 's/.*"time":"\([^"]*\)".*/\1/' || true)
    if [[ -z "$aborted" || -z "$stopped" ]]; then
        echo "run $run: no ABORTED state or no engine-stop record (exit $status; see $dir)" >&2
        exit 1
    fi
    vent=$(millis "$sent" "$(stamp "$aborted")")
    stop=$(millis "$sent" "$(stamp "$stopped")")
    vent_ms+=("$vent")
    stop_ms+=("$stop")
    echo "run $run: exit $status, SIGTERM to session vented/aborted ${vent} ms, to engine-stop ${stop} ms"
    rm -rf "$dir"
done

summary() {
    printf '%s\n' "${@:2}" | sort -g | awk -v what="$1" '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%s: min %.1f ms, median %.1f ms, max %.1f ms (%d runs)\n", what, v[1], m, v[NR], NR }'
}
summary "SIGTERM to vent (session ABORTED)" "${vent_ms[@]}"
summary "SIGTERM to engine-stop" "${stop_ms[@]}"

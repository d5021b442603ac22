#!/usr/bin/env bash
# Start-to-ready time and idle memory of the PUBLISHED build (deploy/publish.sh: single file, ReadyToRun), against
# the budgets in shared/DESIGN.md (ready in under 2 s, idle memory under 150 MB).
# Each run: start the program on a fresh SQLite folder, poll GET /readyz every 10 ms until it answers 200 (the time
# from the start to that answer is "ready"), leave it idle for 10 s, read VmRSS and Pss, stop it; then start it again on
# the same folder (an existing database, as every restart) and time that too.
# Prints each run, the median and the load average before and after: on a shared machine the load is part of the
# result. Usage: bench/startup.sh [runs, default 5] [tarball, default: build one with deploy/publish.sh]
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT

tarball=${2:-}
if [ -z "$tarball" ]; then
  tarball=$(deploy/publish.sh "$work/dist" | tail -n 1)
fi
tar -C "$work" -xzf "$tarball"
app=$(find "$work" -maxdepth 2 -name incidentbot -type f)
echo "program: $app ($(du -h "$app" | cut -f1)), source $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

now_ms() { date +%s%3N; }
readies=(); rsses=(); psses=(); restarts=()
start_and_wait() { # starts the program on $work/data, waits for /readyz; sets pid and elapsed (ms)
  local port start
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  start=$(now_ms)
  "$app" --urls "http://127.0.0.1:$port" --Storage:DataFolder="$work/data" >"$work/run.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = "200" ]; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/run.log" >&2; echo "run $run: the program exited" >&2; exit 1; }
    sleep 0.01
  done
  elapsed=$(( $(now_ms) - start ))
}
stop() { kill -TERM "$pid"; wait "$pid" || true; pid=""; }
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  start_and_wait; ready=$elapsed
  sleep 10
  rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$pid/status")
  # Pss counts a page the program maps twice (single-file assemblies are mapped flat and as images) once.
  pss=$(awk '/^Pss:/ { print int($2 / 1024) }' "/proc/$pid/smaps_rollup")
  stop
  start_and_wait; restart=$elapsed # the same database again: what every start after the first costs
  stop
  echo "run $run: ready in $ready ms (new database), $restart ms (existing database); idle VmRSS $rss MB, Pss $pss MB"
  readies+=("$ready"); rsses+=("$rss"); psses+=("$pss"); restarts+=("$restart")
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median over $runs runs: ready in $(median "${readies[@]}") ms on a new database, $(median "${restarts[@]}") ms on an existing one; idle VmRSS $(median "${rsses[@]}") MB, Pss $(median "${psses[@]}") MB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

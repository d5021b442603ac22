#!/usr/bin/env bash
# Command benchmark: starts the host in Release on 127.0.0.1:5090 with a throw-away SQLite folder and an
# unreachable Slack (posts fail fast and wait for their retry), waits for /readyz, runs CommandLoad, stops
# the host. Extra arguments go to CommandLoad, e.g. --mix bare,help --duration 10, except the script's own:
#   --seed-db N        before the host starts, TimerBench writes INC-1..INC-N into its database (open, timers 30 days away)
#   --seed-db-closed   ... and resolves and closes each of them
#   --no-delivery      the host runs without its outbox delivery loop (Delivery:Background=false)
set -euo pipefail

delivery=true
seed_db=0
seed_closed=""
load_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-delivery) delivery=false ;;
    --seed-db) seed_db=${2:?--seed-db needs a count}; shift ;;
    --seed-db-closed) seed_closed=--closed ;;
    *) load_args+=("$1") ;;
  esac
  shift
done
started=$(date +%s)

root=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_PORT:-5090}
data=$(mktemp -d -t incidentbot-bench.XXXXXX)
log="$data/host.log"

cd "$root"
# shellcheck source=bench/bench-host.sh
. bench/bench-host.sh
dotnet build -c Release src/Bot/Bot.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/CommandLoad/CommandLoad.csproj -v q -nologo >/dev/null
if [ "$seed_db" -gt 0 ]; then
  dotnet build -c Release bench/TimerBench/TimerBench.csproj -v q -nologo >/dev/null
  echo "seeding the database: $seed_db incidents, $([ -n "$seed_closed" ] && echo "resolved and closed" || echo open) ($(date -u +%H:%M:%S))"
  dotnet bench/TimerBench/bin/Release/net10.0/TimerBench.dll seed --folder "$data" --incidents "$seed_db" $seed_closed
fi

echo "host log: $log (outbox delivery: $delivery)"
start_bench_host "$port" "$data" "$log" Scheduling__Background=true Delivery__Background="$delivery" Bench__Enabled=true
# `dotnet run` starts the host as its child: that process's CPU is what the load tool reports.
hostpid=$(pgrep -P "$host" | head -n 1 || true)

echo "load before: $(uptime)"
status=0
dotnet bench/CommandLoad/bin/Release/net10.0/CommandLoad.dll --url "http://127.0.0.1:$port" --secret bench-secret \
  ${hostpid:+--host-pid "$hostpid"} ${load_args[@]+"${load_args[@]}"} || status=$?
echo "load after:  $(uptime)"
echo "run took $(( $(date +%s) - started )) s, builds included"
exit "$status"

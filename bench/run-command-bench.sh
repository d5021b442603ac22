#!/usr/bin/env bash
# Command benchmark: starts the host in Release on 127.0.0.1:5090 with a throw-away SQLite folder and an
# unreachable Slack (posts fail fast and wait for their retry), waits for /readyz, runs CommandLoad, stops
# the host. Extra arguments go to CommandLoad, e.g. --mix bare,help --duration 10, except --no-delivery, which is the
# script's: the host then runs without its outbox delivery loop (Delivery:Background=false), for runs that file so many
# incidents before measuring that retrying their notices against the unreachable Slack would be most of the host's work.
set -euo pipefail

delivery=true
load_args=()
for arg in "$@"; do
  if [ "$arg" = "--no-delivery" ]; then delivery=false; else load_args+=("$arg"); fi
done
started=$(date +%s)

root=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_PORT:-5090}
data=$(mktemp -d -t incidentbot-bench.XXXXXX)
log="$data/host.log"

cd "$root"
dotnet build -c Release src/Bot/Bot.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/CommandLoad/CommandLoad.csproj -v q -nologo >/dev/null

echo "host log: $log (outbox delivery: $delivery)"
Slack__SigningSecret=bench-secret \
Slack__BotToken=xoxb-bench \
Slack__ApiBaseUrl=http://127.0.0.1:9/ \
Storage__DataFolder="$data" \
Scheduling__Background=true \
Delivery__Background=$delivery \
Bench__Enabled=true \
ASPNETCORE_ENVIRONMENT=Production \
  dotnet run -c Release --no-build --project src/Bot -- --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
host=$!
cleanup() {
  kill "$host" 2>/dev/null || true
  wait "$host" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host" 2>/dev/null; then echo "host exited:"; cat "$log"; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null
# `dotnet run` starts the host as its child: that process's CPU is what the load tool reports.
hostpid=$(pgrep -P "$host" | head -n 1 || true)

echo "load before: $(uptime)"
dotnet bench/CommandLoad/bin/Release/net10.0/CommandLoad.dll --url "http://127.0.0.1:$port" --secret bench-secret \
  ${hostpid:+--host-pid "$hostpid"} ${load_args[@]+"${load_args[@]}"}
echo "load after:  $(uptime)"
echo "run took $(( $(date +%s) - started )) s, builds included"

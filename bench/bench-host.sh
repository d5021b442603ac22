# Sourced by the benchmark scripts: starts the Release host (already built) on 127.0.0.1:$1 with the data folder $2,
# logging to $3, an unreachable Slack (posts fail fast and wait for their retry) and the extra settings given as
# NAME=value after them; stops it and deletes the data folder on exit, and returns once /readyz answers (or exits
# with the host's log if it stopped). Sets `host` to the pid of `dotnet run`.
start_bench_host() {
  local port=$1 data=$2 log=$3
  shift 3
  env Slack__SigningSecret=bench-secret Slack__BotToken=xoxb-bench Slack__ApiBaseUrl=http://127.0.0.1:9/ \
    Storage__DataFolder="$data" ASPNETCORE_ENVIRONMENT=Production "$@" \
    dotnet run -c Release --no-build --project src/Bot -- --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  host=$!
  bench_data=$data
  trap 'kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; rm -rf "$bench_data"' EXIT

  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$host" 2>/dev/null; then echo "host exited:"; cat "$log"; exit 1; fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null
}

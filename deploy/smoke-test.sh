#!/usr/bin/env bash
# Smoke test of the release as an operator gets it: builds the tarball (deploy/publish.sh), unpacks it in a temporary
# folder, starts it with an environment that has no .NET in it, waits for /readyz, reports an incident through the
# local chat page's API and checks the reply, then stops it with SIGTERM and checks that it exited cleanly.
# Prints "smoke test: passed" or "smoke test: FAILED: <why>" last; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "--- the bot's output:"; tail -n 40 "$work/bot.log" 2>/dev/null
  echo "smoke test: FAILED: $*"
  exit 1
}

echo "== smoke test: building the release"
tarball=$(deploy/publish.sh "$work/dist" | tail -n 1) || fail "deploy/publish.sh failed"
[ -f "$tarball" ] || fail "deploy/publish.sh did not write the tarball"
echo "built $(basename "$tarball") ($(du -h "$tarball" | cut -f1))"
mkdir -p "$work/run"
tar -C "$work/run" -xzf "$tarball" || fail "the tarball does not unpack"
app=$(find "$work/run" -maxdepth 2 -name incidentbot -type f)
[ -x "$app" ] || fail "the tarball has no executable incidentbot"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
base=http://127.0.0.1:$port
echo "== smoke test: starting it on $base"
# No dotnet on the PATH and no DOTNET_ROOT: the release must bring its own runtime.
(cd "$work" && exec env -i PATH=/usr/bin:/bin HOME="$work" "$app" serve --urls "$base" --Storage:DataFolder="$work/data") >"$work/bot.log" 2>&1 &
pid=$!

ready=""
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || fail "it exited before it was ready"
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/readyz")" = "200" ]; then ready=yes; break; fi
  sleep 0.5
done
[ -n "$ready" ] || fail "/readyz did not answer 200 within 60 s"
echo "ready"

echo "== smoke test: reporting an incident through the local chat page"
reply=$(curl -s -X POST "$base/local/messages" -H 'Content-Type: application/json' \
  -d '{"user":"ana","text":"/incident report Checkout fails sev1"}') || fail "POST /local/messages failed"
# The reply's first words and the card's title: enough to know the report was filed and answered.
case "$reply" in
  '{"text":"INC-1 reported: Checkout fails.'*'"title":"INC-1 · Checkout fails"'*) echo "reply: ${reply:0:120}" ;;
  *) fail "the reply to the report was not what a report answers: $reply" ;;
esac

echo "== smoke test: stopping it with SIGTERM"
kill -TERM "$pid"
for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && fail "it was still running 40 s after SIGTERM"
wait "$pid"; code=$?
pid=""
[ "$code" -eq 0 ] || fail "it exited with code $code after SIGTERM"
grep -q -i -e 'unhandled exception' -e 'crit:' "$work/bot.log" && fail "its log has an unhandled exception or a critical line"
echo "smoke test: passed"

#!/usr/bin/env bash
# Alert storm benchmark: starts the host in Release on 127.0.0.1:5091 with a throw-away SQLite folder, an
# unreachable Slack (posts fail fast and wait for their retry) and the shipped plan plus one alert source,
# `storm` (kind alertmanager, storm.groups as given), then AlertStorm posts --rate new Alertmanager groups a
# second for --duration seconds, one group per notification, many in flight. Afterwards it reads the database:
# incidents opened, pages against groups, and that every group posted is in alert_groups.
#   --rate N          notifications (= new groups) a second, default 1000
#   --duration N      seconds of storm, default 10
#   --connections N   requests in flight at most, default 256
#   --storm-groups N  the source's storm.groups, default 20 (storm.within is 1m)
set -euo pipefail

rate=1000
duration=10
connections=256
storm_groups=20
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=${2:?--rate needs a number}; shift ;;
    --duration) duration=${2:?--duration needs seconds}; shift ;;
    --connections) connections=${2:?--connections needs a number}; shift ;;
    --storm-groups) storm_groups=${2:?--storm-groups needs a number}; shift ;;
    *) echo "unknown option $1 (see the top of $0)"; exit 2 ;;
  esac
  shift
done
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed to read the results (apt-get install sqlite3)"; exit 2; }
started=$(date +%s)

root=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_PORT:-5091}
data=$(mktemp -d -t incidentbot-storm.XXXXXX)
log="$data/host.log"
plan="$data/plan.yaml"
token=bench-storm-token

cp "$root/src/Bot/plan.default.yaml" "$plan"
cat >>"$plan" <<EOF

alerts:
  - source: storm
    kind: alertmanager
    severity: { label: severity, map: { critical: sev1, warning: sev3 }, default: sev3 }
    storm: { groups: $storm_groups, within: 1m }
EOF

cd "$root"
# shellcheck source=bench/bench-host.sh
. bench/bench-host.sh
dotnet build -c Release src/Bot/Bot.csproj -v q -nologo >/dev/null
dotnet build -c Release bench/AlertStorm/AlertStorm.csproj -v q -nologo >/dev/null

echo "host log: $log"
start_bench_host "$port" "$data" "$log" ResponsePlan__Path="$plan" Alerts__Sources__storm__Token="$token"

run=$(date -u +%H%M%S)
echo "load before: $(uptime)"
status=0
dotnet bench/AlertStorm/bin/Release/net10.0/AlertStorm.dll --url "http://127.0.0.1:$port" --source storm --token "$token" \
  --rate "$rate" --duration "$duration" --connections "$connections" --run "$run" || status=$?
echo "load after:  $(uptime)"

# Every answer came after its intake committed, so the database already holds what the storm did.
db="$data/incidents.db"
q() { sqlite3 -readonly "$db" "$1"; }
sent=$(( rate * duration ))
groups=$(q "SELECT COUNT(*) FROM alert_groups WHERE Source = 'storm';")
own=$(q "SELECT COUNT(*) FROM alert_groups WHERE Source = 'storm' AND InStorm = 0;")
stormed=$(q "SELECT COUNT(*) FROM alert_groups WHERE Source = 'storm' AND InStorm = 1;")
incidents=$(q "SELECT COUNT(*) FROM incidents WHERE ReporterId = 'alerts:storm';")
storms=$(q "SELECT COUNT(*) FROM incidents WHERE ReporterId = 'alerts:storm' AND Title LIKE 'Alert storm from %';")
pages=$(q "SELECT COUNT(*) FROM outbox WHERE Kind = 'Page';")
paged=$(q "SELECT COUNT(DISTINCT IncidentNumber) FROM outbox WHERE Kind = 'Page';")
twice=$(q "SELECT COUNT(*) FROM (SELECT IncidentNumber, PersonId FROM outbox WHERE Kind = 'Page' GROUP BY IncidentNumber, PersonId HAVING COUNT(*) > 1);")
lines=$(q "SELECT COUNT(*) FROM timeline t JOIN incidents i ON i.Number = t.IncidentNumber WHERE i.Title LIKE 'Alert storm from %' AND t.Text LIKE 'Alert group firing:%';")

echo "groups:    $groups of $sent in alert_groups ($own with an incident of their own, $stormed on a storm incident)"
echo "incidents: $incidents opened ($storms of them storm incidents); the storm's timeline has $lines group lines"
echo "pages:     $pages Page rows in the outbox for $paged incidents, against $groups groups; (incident, person) paged more than once: $twice"
if [ "$groups" -ne "$sent" ]; then echo "FAIL: not every group is in alert_groups"; status=1; fi
if [ "$twice" -ne 0 ] || [ "$paged" -gt "$incidents" ]; then echo "FAIL: an incident was paged more than one round"; status=1; fi
if [ "$stormed" -ne "$lines" ]; then echo "FAIL: not every storm group is on the storm incident's timeline"; status=1; fi
echo "run took $(( $(date +%s) - started )) s, builds included"
exit "$status"

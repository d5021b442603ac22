#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL 15 for the PostgreSQL-backed tests, and prints the
# connection string to use. Idempotent: safe to run when the server is already up.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
cluster=$(pg_lsclusters -h | head -1)
cver=$(echo "$cluster" | awk '{print $1}')
cname=$(echo "$cluster" | awk '{print $2}')
port=$(echo "$cluster" | awk '{print $3}')
if ! echo "$cluster" | grep -q online; then
  pg_ctlcluster "$cver" "$cname" start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

su postgres -c "psql -p $port -qtAc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='incidentbot') THEN CREATE ROLE incidentbot LOGIN SUPERUSER PASSWORD 'incidentbot'; END IF; END\\\$\\\$;\"" >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=incidentbot;Password=incidentbot;Database=postgres"

#!/usr/bin/env bash
# Builds the release: dist/incidentbot-<version>-linux-x64.tar.gz, a self-contained single-file build that runs on a
# Linux x64 machine with no .NET installed. Inside, in the folder incidentbot-<version>/:
#   incidentbot            the program (runtime included, precompiled with ReadyToRun)
#   libe_sqlite3.so        SQLite's native library, beside the program (loaded from there; nothing to extract)
#   appsettings.json       settings; environment variables and /etc/incidentbot/env override them
#   plan.default.yaml      the response plan used until ResponsePlan:Path names yours
#   manifest/teams/        the Teams app package template, for `incidentbot teams package`
#   incidentbot.service    the systemd unit;  README.md  how to install
# Not trimmed: EF Core, System.Text.Json and YamlDotNet find the model's and the plan's types by reflection, which
# trimming would cut without a warning we could trust (docs/operations.md, "The release build").
# Not a composite ReadyToRun image: that recompiles the whole framework (over 20 minutes on two busy cores) while the
# framework's own assemblies already come precompiled; only ours and the packages' are compiled here.
# Usage: deploy/publish.sh [output folder, default dist]   VERSION=1.2.3 overrides the project's version.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-dist}
rid=linux-x64
version=${VERSION:-$(dotnet msbuild src/Bot/Bot.csproj -getProperty:Version -nologo | tr -d '[:space:]')}
name=incidentbot-$version
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

dotnet publish src/Bot/Bot.csproj -c Release -r "$rid" --self-contained true \
  -p:PublishSingleFile=true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=false -p:PublishTrimmed=false \
  -p:IncludeNativeLibrariesForSelfExtract=false -p:DebugType=none -p:Version="$version" \
  -o "$stage/publish" -nologo -v quiet

dir=$stage/$name
mkdir -p "$dir"
mv "$stage/publish/Jivrus.IncidentBot.Bot" "$dir/incidentbot"
cp "$stage/publish/"*.so "$dir/"
cp "$stage/publish/appsettings.json" "$stage/publish/plan.default.yaml" "$stage/publish/"*.staticwebassets.endpoints.json "$dir/"
cp -r "$stage/publish/manifest" "$dir/"
cp deploy/incidentbot.service deploy/README.md "$dir/"

# Anything else the publish wrote (API documentation .xml files aside) could be a file the program needs that this
# script does not ship: say so.
unexpected=$(cd "$stage/publish" && ls -A | grep -v -x -e Jivrus.IncidentBot.Bot -e appsettings.json -e plan.default.yaml -e manifest \
  -e '.*\.so' -e '.*\.staticwebassets\.endpoints\.json' -e '.*\.xml' || true)
if [ -n "$unexpected" ]; then
  echo "publish.sh: the publish wrote files this script does not ship: $unexpected" >&2
  exit 1
fi

mkdir -p "$out"
tar -C "$stage" -czf "$out/$name-$rid.tar.gz" "$name"
echo "$out/$name-$rid.tar.gz"

#!/usr/bin/env bash
# Adds a migration NAME for both providers, in the same commit (STYLE §1):
#   scripts/add-migration.sh AddTargets
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh NAME}"
cd "$(dirname "$0")/../src/OpenDti.Store"
dotnet tool restore >/dev/null
dotnet build --nologo -v q
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build \
    --context "${provider}OpenDtiDbContext" \
    --output-dir "Migrations/$provider" --namespace "OpenDti.Store.Migrations.$provider"
  dotnet build --nologo -v q
done
# The tool writes a new snapshot under a folder named after its namespace; keep it beside its migrations.
for provider in Sqlite Postgres; do
  stray="OpenDti/Store/Migrations/$provider/${provider}OpenDtiDbContextModelSnapshot.cs"
  if [ -f "$stray" ]; then mv "$stray" "Migrations/$provider/"; fi
done
rm -rf OpenDti

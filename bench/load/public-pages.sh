#!/usr/bin/env bash
# Load test of the public pages: starts OpenDTI (Release) on a fresh store, warms it up, then sends each path
# CONNECTIONS concurrent clients for DURATION with wrk and prints p50 / p95 / p99 latency and error counts.
# Runs on SQLite and on a throw-away PostgreSQL (started as in test.sh), both on loopback only.
#   bench/load/public-pages.sh                 # both stores
#   bench/load/public-pages.sh sqlite          # one store
#   CONNECTIONS=100 DURATION=20s bench/load/public-pages.sh
# Installs wrk (and PostgreSQL) from Debian when missing and run as root. Not part of ./test.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

connections=${CONNECTIONS:-100}
duration=${DURATION:-20s}
threads=${THREADS:-2}
stores=("${@:-sqlite postgres}")
read -r -a stores <<<"${stores[*]}"
paths=(
    "/rankings"
    "/map"
    "/units/25"
    "/api/v1/rankings?framework=DTI_PROVINCE&period=2025"
)

# shellcheck source=bench/load/lib.sh
source bench/load/lib.sh

need=()
command -v wrk >/dev/null || need+=(wrk)
if [[ " ${stores[*]} " == *" postgres "* ]] && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    need+=(postgresql)
fi
if (( ${#need[@]} > 0 )); then
    [[ $(id -u) -eq 0 ]] || fail "missing ${need[*]}: sudo apt-get install --no-install-recommends ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build src/OpenDti -c Release -v quiet -nologo >/dev/null
app=src/OpenDti/bin/Release/net10.0/OpenDti.dll

work=$(mktemp -d "${TMPDIR:-/tmp}/opendti-load.XXXXXX")
app_pid=
pg_connection=
cleanup() {
    [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

start_store_postgres() {
    start_postgres 200
    pg_connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=opendti_load"
}

run_store() {
    local store=$1 connection port url
    case $store in
        sqlite) connection="Data Source=$work/opendti.db" ;;
        postgres) start_store_postgres; connection=$pg_connection ;;
        *) fail "unknown store '$store' (sqlite or postgres)" ;;
    esac
    port=$(free_port)
    url="http://127.0.0.1:$port"
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        dotnet "$app" serve --urls "$url" --db "$connection" >"$work/app-$store.log" 2>&1 &
    app_pid=$!
    # The first start migrates, seeds the demo data and computes the demo rankings.
    for _ in {1..300}; do
        curl -sf "$url/health" >/dev/null && break
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/app-$store.log" >&2; fail "the app stopped"; }
        sleep 1
    done
    curl -sf "$url/health" >/dev/null || fail "the app did not answer /health"

    for path in "${paths[@]}"; do
        curl -sf -o /dev/null "$url$path" || fail "$path did not answer 200"
        wrk -t "$threads" -c 10 -d 5s "$url$path" >/dev/null
    done

    printf '\n%s, %d connections, %s per path, %d wrk threads\n' "$store" "$connections" "$duration" "$threads"
    printf '%-55s %8s %8s %8s %8s %8s\n' path req/s p50_ms p95_ms p99_ms errors
    for path in "${paths[@]}"; do
        local line
        line=$(wrk -t "$threads" -c "$connections" -d "$duration" --timeout 10s -s bench/load/percentiles.lua "$url$path" | grep '^RESULT')
        # shellcheck disable=SC2086
        eval "$(echo "$line" | cut -d' ' -f2-)"
        printf '%-55s %8s %8s %8s %8s %8s\n' "$path" "$rps" "$p50" "$p95" "$p99" "$errors"
    done

    kill "$app_pid" && wait "$app_pid" 2>/dev/null || true
    app_pid=
}

echo "OpenDTI load test on $(nproc) cores, $(uname -sr); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for store in "${stores[@]}"; do
    run_store "$store"
done

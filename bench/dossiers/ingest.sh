#!/usr/bin/env bash
# Times `dossiers ingest` on a generated export (synthetic, never committed) on SQLite and on a throw-away
# PostgreSQL cluster (as ./test.sh starts one): a first ingestion into an empty store, then the same file again.
#   bench/dossiers/ingest.sh [ROWS]      (default 1000000)
set -euo pipefail
rows="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d "${TMPDIR:-/tmp}/opendti-ingest-bench.XXXXXX")
chmod 755 "$work"
cd "$root"
dotnet build src/OpenDti -c Release --nologo -v q >/dev/null
dotnet build bench/OpenDti.Benchmarks -c Release --nologo -v q >/dev/null
opendti="$root/src/OpenDti/bin/Release/net10.0/OpenDti.dll"
dotnet bench/OpenDti.Benchmarks/bin/Release/net10.0/OpenDti.Benchmarks.dll dossiers generate --rows "$rows" --units 34 --out "$work/data"

pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir="$work/pg"
mkdir -p "$pg_dir"
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$pg_dir"
    as_postgres=(runuser -u postgres --)
fi
stop() {
    if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
        "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap stop EXIT
port=$((20000 + RANDOM % 20001))
"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" start -w -D "$pg_dir/data" -l "$pg_dir/postgres.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir" >/dev/null

# Peak resident memory of each ingestion from GNU time (Debian's time package), when it is there.
measure=()
if [[ -x /usr/bin/time ]]; then
    measure=(/usr/bin/time -f %M -o "$work/peak-kb")
fi
run() {
    local label="$1" db="$2"
    dotnet "$opendti" db migrate --db "$db" >/dev/null
    for pass in first again; do
        local start end peak=""
        start=$(date +%s.%N)
        "${measure[@]}" dotnet "$opendti" dossiers ingest --input "$work/data/dossiers.csv" --db "$db" 2>/dev/null
        end=$(date +%s.%N)
        if [[ -f "$work/peak-kb" ]]; then
            peak=$(printf ', peak %d MB' "$(( $(tail -n 1 "$work/peak-kb") / 1024 ))")
        fi
        printf '%s, %s: %.1f s%s\n' "$label" "$pass" "$(echo "$end - $start" | bc)" "$peak"
    done
}
run SQLite "Data Source=$work/bench.db"
run PostgreSQL "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

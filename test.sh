#!/usr/bin/env bash
# Runs every test: format check, build, then all test projects against SQLite and a throw-away
# PostgreSQL started here on a free loopback port. Arguments go to `dotnet test`, e.g.
#   ./test.sh --filter-class "*UnitsApiTests"
#   ./test.sh --filter-class "*+OnPostgres"
# As root on Debian it installs what is missing (PostgreSQL, Chromium, a font with Vietnamese glyphs).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

configuration=Release
results=artifacts/test-results
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

step() { printf '\n==> %s  (at %ds)\n' "$*" "$SECONDS"; }
fail() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# --- system packages -------------------------------------------------------------------------

postgres_bin() {
    if [[ -n "${PG_BIN:-}" ]]; then
        echo "$PG_BIN"
        return
    fi
    local newest
    newest=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [[ -n "$newest" && -x "$newest/initdb" ]]; then
        echo "$newest"
    elif command -v pg_config >/dev/null && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        pg_config --bindir
    elif command -v initdb >/dev/null; then
        dirname "$(command -v initdb)"
    fi
}

if [[ -n "${PG_BIN:-}" && ! -x "${PG_BIN}/initdb" ]]; then
    fail "PG_BIN is $PG_BIN, which holds no initdb."
fi
missing=()
[[ -n "$(postgres_bin)" ]] || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# The several-instances tests put two app processes behind nginx (started by the test, never as a service).
[[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
# Only for screenshots: DejaVu draws Vietnamese (Latin Extended Additional) in 3 MB.
missing_font=()
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || missing_font+=(fonts-dejavu-core)

if (( ${#missing[@]} + ${#missing_font[@]} > 0 )) && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    all_missing=("${missing[@]}" "${missing_font[@]}")
    step "Installing ${all_missing[*]}"
    apt-get update
    # Packages must not start services here (nginx would take port 80): policy-rc.d answers "not allowed".
    made_policy=
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${all_missing[@]}"
    if [[ -n "$made_policy" ]]; then rm -f /usr/sbin/policy-rc.d; fi
elif (( ${#missing[@]} > 0 )); then
    all_missing=("${missing[@]}" "${missing_font[@]}")
    fail "missing ${missing[*]}. Install with: sudo apt-get install --no-install-recommends ${all_missing[*]}
(or run this script as root, which installs them; set PG_BIN if PostgreSQL's initdb lives elsewhere)"
elif (( ${#missing_font[@]} > 0 )); then
    echo "warning: no DejaVu fonts; screenshots may show boxes for Vietnamese letters (sudo apt-get install ${missing_font[*]})" >&2
fi
pg_bin=$(postgres_bin)
[[ -n "$pg_bin" ]] || fail "PostgreSQL's initdb not found after installing; set PG_BIN to the directory holding initdb and pg_ctl."

# --- format and build ------------------------------------------------------------------------

step "Restoring tools and packages"
dotnet tool restore
dotnet restore OpenDti.slnx

step "Checking formatting"
format_status=0
dotnet format OpenDti.slnx --verify-no-changes --no-restore || format_status=$?
case $format_status in
    0) ;;
    2) fail "the code is not formatted. Run: dotnet format OpenDti.slnx   (then review and commit the changes)" ;;
    *) fail "dotnet format itself failed (exit code $format_status); rerun it with -v diag to see why." ;;
esac

step "Building ($configuration)"
dotnet build OpenDti.slnx --no-restore -c "$configuration"

# --- throw-away PostgreSQL -------------------------------------------------------------------

step "Starting a throw-away PostgreSQL ($pg_bin)"
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/opendti-pg.XXXXXX")
as_postgres=()
if [[ $(id -u) -eq 0 ]]; then
    # initdb refuses to run as root.
    chown postgres: "$pg_dir"
    as_postgres=(runuser -u postgres --)
fi

stop_postgres() {
    if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
        "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT
trap 'exit 130' INT TERM HUP

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=
for _ in {1..50}; do
    candidate=$((20000 + RANDOM % 20001))
    if port_is_free "$candidate"; then
        pg_port=$candidate
        break
    fi
done
[[ -n "$pg_port" ]] || fail "no free loopback port found between 20000 and 40000."

"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" \
    || { cat "$pg_dir/initdb.log" >&2; fail "initdb failed."; }
# Trust, but only over the socket in $pg_dir and on loopback.
cat >"$pg_dir/data/pg_hba.conf" <<'EOF'
local all all              trust
host  all all 127.0.0.1/32 trust
EOF
# A throw-away cluster: durability is not wanted, speed is.
"${as_postgres[@]}" "$pg_bin/pg_ctl" start -w -D "$pg_dir/data" -l "$pg_dir/postgres.log" \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null \
    || { cat "$pg_dir/postgres.log" >&2; fail "PostgreSQL did not start on port $pg_port."; }
export OPENDTI_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
echo "PostgreSQL listening on 127.0.0.1:$pg_port"

# --- tests -----------------------------------------------------------------------------------

step "Testing"
rm -rf "$results"
mkdir -p "$results"
test_status=0
# Exit code 8 means "no test ran" in one project: projects may be empty for now, and a filter
# selects tests from some projects only. The summary below still fails a run with no tests at all.
dotnet test --solution OpenDti.slnx --no-build -c "$configuration" \
    --results-directory "$results" --report-xunit-trx --ignore-exit-code 8 "$@" \
    || test_status=$?

shopt -s nullglob
trx_files=("$results"/*.trx)
read -r passed failed skipped total < <(
    { grep -ho '<Counters [^>]*>' "${trx_files[@]}" /dev/null || true; } | awk '
        {
            for (i = 2; i <= NF; i++) {
                if (split($i, kv, "=") == 2) { gsub(/[^0-9]/, "", kv[2]); n[kv[1]] += kv[2] }
            }
        }
        END {
            failed = n["failed"] + n["error"] + n["timeout"] + n["aborted"]
            printf "%d %d %d %d\n", n["passed"], failed, n["notExecuted"], n["total"]
        }'
)

echo
echo "$passed passed, $failed failed, $skipped skipped"
if (( test_status != 0 )); then
    fail "dotnet test exited with code $test_status; results are in $results."
fi
if (( failed > 0 )); then
    fail "$failed tests failed; results are in $results."
fi
if (( total == 0 )); then
    fail "no test ran (${#trx_files[@]} result files in $results)."
fi

#!/usr/bin/env bash
# The load tests of server mode, on loopback: two OpenDTI instances (Release) behind nginx on one throw-away
# PostgreSQL, as docs/deploy.md describes production.
#  1. Readers: READERS concurrent connections (200) on each public path for DURATION (20 s) with wrk:
#     p50 / p95 / p99, requests, and errors (socket errors, timeouts, responses >= 400), which must be zero.
#  2. Deadline burst: `OpenDti loadtest prepare` adds COMMUNES load-test communes ("Xã thử tải 0001"…, 3,321)
#     under the 34 provinces with one API key each, and a data set of MEASURES measures (50); then every commune
#     sends its MEASURES values once, as one PUT /api/v1/datavalues with its own key, BURST_CONNECTIONS (100) at
#     a time (wrk with burst.lua). Passes when every answer is 2xx, the last came within BURST_LIMIT seconds
#     (60), and PostgreSQL then holds exactly the values sent (each commune's count, each value, their audit).
#   bench/load/run.sh                     # everything; exits 1 when a pass condition fails
#   READERS=200 DURATION=20s COMMUNES=3321 MEASURES=50 BURST_CONNECTIONS=100 BURST_LIMIT=60 bench/load/run.sh
# Installs wrk, nginx and PostgreSQL from Debian when missing and run as root. Not part of ./test.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

readers=${READERS:-200}
duration=${DURATION:-20s}
communes=${COMMUNES:-3321}
measures=${MEASURES:-50}
burst_connections=${BURST_CONNECTIONS:-100}
burst_limit=${BURST_LIMIT:-60}
period=$(TZ=Asia/Ho_Chi_Minh date +%Y)
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
[[ -x /usr/sbin/nginx ]] || need+=(nginx-light)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if (( ${#need[@]} > 0 )); then
    [[ $(id -u) -eq 0 ]] || fail "missing ${need[*]}: sudo apt-get install --no-install-recommends ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build src/OpenDti -c Release -v quiet -nologo >/dev/null
app=src/OpenDti/bin/Release/net10.0/OpenDti.dll

work=$(mktemp -d "${TMPDIR:-/tmp}/opendti-load.XXXXXX")
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
    stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

wait_healthy() {
    local url=$1
    for _ in {1..300}; do
        curl -sf "$url/health" >/dev/null && return
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { grep -v "^   at " "$work"/app-*.log | head -n 40 >&2; fail "a process stopped"; }; done
        sleep 1
    done
    fail "$url/health did not answer 200"
}

# Two instances with Npgsql's default pool of 100 each, plus psql.
start_postgres 250
# Max Auto Prepare as docs/deploy.md recommends: the burst's repeated INSERTs are parsed and planned once per connection.
db="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=opendti_load;Max Auto Prepare=64"
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d opendti_load -XAtq -F ' ' -c "$1"; }
# The database exists before the instances start, as in production (docs/deploy.md): they migrate it.
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Xq -c "CREATE DATABASE opendti_load ENCODING 'UTF8' TEMPLATE template0"

# The first instance migrates and seeds the empty database (with the demo data and its rankings, which the public
# pages show), then the second starts on it: the readers' figures then measure two warm instances, not a start.
instances=()
for n in 1 2; do
    port=$(free_port)
    instances+=("127.0.0.1:$port")
    ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
        dotnet "$app" serve --urls "http://127.0.0.1:$port" --db "$db" >"$work/app-$n.log" 2>&1 &
    pids+=($!)
    wait_healthy "http://127.0.0.1:$port"
done

nginx_port=$(free_port)
mkdir -p "$work/nginx"
chmod 777 "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream opendti {
        server ${instances[0]};
        server ${instances[1]};
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://opendti;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host:\$server_port;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_read_timeout 300s;
        }
    }
}
EOF
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx-error.log" &
pids+=($!)
url="http://127.0.0.1:$nginx_port"
wait_healthy "$url"

echo "OpenDTI load test: 2 instances behind nginx on PostgreSQL $("$pg_bin/postgres" -V | awk '{print $3}'), $(nproc) cores, $(uname -sr)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
failed=0

printf '\nReaders: %d connections, %s per path, through nginx\n' "$readers" "$duration"
printf '%-55s %9s %8s %8s %8s %8s %7s\n' path requests req/s p50_ms p95_ms p99_ms errors
for path in "${paths[@]}"; do
    curl -sf -o /dev/null "$url$path" || fail "$path did not answer 200"
    wrk -t 2 -c 20 -d 5s "$url$path" >/dev/null
    line=$(wrk -t 2 -c "$readers" -d "$duration" --timeout 10s -s bench/load/percentiles.lua "$url$path" | grep '^RESULT')
    eval "$(echo "$line" | cut -d' ' -f2-)"
    printf '%-55s %9s %8s %8s %8s %8s %7s\n' "$path" "$requests" "$rps" "$p50" "$p95" "$p99" "$errors"
    (( errors == 0 )) || { echo "  FAIL: $errors errors on $path"; failed=1; }
done
echo "load average after the readers: $(cut -d' ' -f1-3 /proc/loadavg)"

printf '\nDeadline burst: %d communes x %d values, %d connections, through nginx\n' "$communes" "$measures" "$burst_connections"
started=$SECONDS
dotnet "$app" loadtest prepare --communes "$communes" --measures "$measures" --period "$period" --keys "$work/keys.csv" --db "$db"
echo "prepared in $((SECONDS - started)) s; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
line=$(wrk -t 1 -c "$burst_connections" -d 600s --timeout 120s -s bench/load/burst.lua "$url" -- "$work/keys.csv" "$measures" "$period" | grep '^RESULT')
eval "$(echo "$line" | cut -d' ' -f2-)"
echo "load average after the burst: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'sent %d, answered %d, refused (non-2xx) %d, socket errors and timeouts %d\n' "$sent" "$answered" "$refused" "$errors"
printf 'last answer after %s s (limit %d s); latency p50 %s ms, p95 %s ms, p99 %s ms, max %s ms\n' "$elapsed" "$burst_limit" "$p50" "$p95" "$p99" "$max"
(( sent == communes && answered == communes + extra && refused == 0 && errors == 0 )) \
    || { echo "  FAIL: not every commune's batch was answered 2xx"; failed=1; }
awk -v e="$elapsed" -v l="$burst_limit" 'BEGIN { exit !(e <= l) }' || { echo "  FAIL: the burst took longer than $burst_limit s"; failed=1; }

# Commune LT0017's value of LOAD_TEST_003 was sent as 17003.
read -r stored wrong units sum other < <(sql "
    SELECT count(*),
           count(*) FILTER (WHERE v.\"Value\" <> substr(u.\"Code\", 3)::int * 1000 + substr(m.\"Code\", 11)::int),
           count(DISTINCT v.\"UnitId\"), coalesce(sum(v.\"Value\"), 0)::bigint,
           count(*) FILTER (WHERE v.\"Source\" <> 'api')
    FROM data_values v JOIN units u ON u.\"Id\" = v.\"UnitId\" JOIN measures m ON m.\"Id\" = v.\"MeasureId\"
    WHERE m.\"Code\" LIKE 'LOAD\_TEST\_%' AND v.\"Period\" = '$period'")
audited=$(sql "SELECT count(*) FROM value_audit a JOIN measures m ON m.\"Id\" = a.\"MeasureId\" WHERE m.\"Code\" LIKE 'LOAD\_TEST\_%'")
drafts=$(sql "SELECT count(*) FROM submissions s JOIN data_sets d ON d.\"Id\" = s.\"DataSetId\" WHERE d.\"Code\" = 'LOAD_TEST_COMMUNE' AND s.\"Status\" = 'Draft'")
expected=$((communes * measures))
expected_sum=$((1000 * measures * communes * (communes + 1) / 2 + communes * measures * (measures + 1) / 2))
printf 'in PostgreSQL: %d values of %d communes (expected %d of %d), %d not as sent, %d from another channel,\n' "$stored" "$units" "$expected" "$communes" "$wrong" "$other"
printf '               sum %d (expected %d), %d audit entries, %d draft submissions\n' "$sum" "$expected_sum" "$audited" "$drafts"
(( stored == expected && units == communes && wrong == 0 && other == 0 && sum == expected_sum && audited == expected && drafts == communes )) \
    || { echo "  FAIL: the store does not hold exactly the values sent"; failed=1; }

if (( failed )); then echo; echo "FAILED"; exit 1; fi
echo; echo "PASSED"

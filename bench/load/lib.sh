# Shared by the load scripts of this folder (sourced, not run): errors, free loopback ports, and a throw-away
# PostgreSQL started as test.sh starts its own. A script that sources this defines nothing of these names itself.

fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local candidate
    for _ in {1..50}; do
        candidate=$((20000 + RANDOM % 20001))
        if port_is_free "$candidate"; then echo "$candidate"; return; fi
    done
    fail "no free loopback port"
}

pg_bin=
pg_dir=
pg_port=
as_postgres=()

# start_postgres MAX_CONNECTIONS: a server on 127.0.0.1:$pg_port, trust authentication, user postgres, in its own
# directory $pg_dir (initdb refuses root, and postgres cannot enter a root-only parent).
start_postgres() {
    local max_connections=$1
    pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/opendti-load-pg.XXXXXX")
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$pg_dir"
        as_postgres=(runuser -u postgres --)
    fi
    pg_port=$(free_port)
    "${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" \
        || { cat "$pg_dir/initdb.log" >&2; fail "initdb failed"; }
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$pg_dir/data/pg_hba.conf"
    # A server as one would run it, except that it is on loopback and thrown away afterwards.
    "${as_postgres[@]}" "$pg_bin/pg_ctl" start -w -D "$pg_dir/data" -l "$pg_dir/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c max_connections=$max_connections" >/dev/null \
        || { cat "$pg_dir/postgres.log" >&2; fail "PostgreSQL did not start"; }
}

# stop_postgres: stops and removes the server start_postgres started, if any (for an EXIT trap).
stop_postgres() {
    if [[ -n "$pg_bin" && -f "$pg_dir/data/postmaster.pid" ]]; then
        "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$pg_dir/data" -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf ${pg_dir:+"$pg_dir"}
}

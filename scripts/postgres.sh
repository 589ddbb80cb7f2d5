#!/usr/bin/env bash
# Installs (Debian package `postgresql`) and starts a throwaway PostgreSQL server on loopback
# for parley's tests and benchmarks, then prints its URL on stdout:
#
#     export PARLEY_TEST_POSTGRES=$(scripts/postgres.sh) PARLEY_REQUIRE_POSTGRES=1
#     cargo test --release --locked -p parley-store -p parley --features parley/postgres,parley-store/postgres
#
#     scripts/postgres.sh stop      # stops it (the data directory is kept until `clean`)
#     scripts/postgres.sh clean     # stops it and deletes its data directory
#
# Idempotent: when the server already runs, it only prints the URL. The server listens on
# 127.0.0.1 only, trusts local connections (no password: for tests, never for production),
# and runs as the `postgres` system user when started by root (PostgreSQL refuses root).
# Settings: PARLEY_PG_DIR (data, default /tmp/parley-pg), PARLEY_PG_PORT (default 54329).
set -euo pipefail

dir=${PARLEY_PG_DIR:-/tmp/parley-pg}
port=${PARLEY_PG_PORT:-54329}
user=parley
db=parley
url="postgres://$user@127.0.0.1:$port/$db"
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local found
    found=$(command -v pg_ctl 2>/dev/null || true)
    if [ -z "$found" ]; then
        found=$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
    fi
    [ -n "$found" ] && dirname "$(readlink -f "$found")"
}

install_server() {
    log "installing PostgreSQL (Debian package postgresql)"
    if [ "$(id -u)" -ne 0 ]; then
        log "not root: install it with: sudo apt-get install -y postgresql"
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

# Runs a command as the user who owns the data directory.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
    install_server
    bin=$(find_bin) || { log "PostgreSQL installed but pg_ctl not found"; exit 1; }
fi

case "${1:-start}" in
stop)
    if [ -f "$dir/PG_VERSION" ]; then as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true; fi
    exit 0
    ;;
clean)
    if [ -f "$dir/PG_VERSION" ]; then as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true; fi
    rm -rf "$dir"
    exit 0
    ;;
start) ;;
*)
    log "usage: scripts/postgres.sh [start|stop|clean]"
    exit 2
    ;;
esac

if [ ! -f "$dir/PG_VERSION" ]; then
    log "creating a cluster in $dir"
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir" --username="$user" --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 >/dev/null
fi

if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "starting on 127.0.0.1:$port"
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200" \
        >/dev/null || { log "the server did not start; see $dir/server.log"; tail -n 20 "$dir/server.log" >&2; exit 1; }
fi

if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    "$bin/psql" -h 127.0.0.1 -p "$port" -U "$user" -d postgres -qc "CREATE DATABASE $db" >&2
fi
echo "$url"

# Sourced by the test and bench scripts: starts a throw-away PostgreSQL cluster from the Debian
# binaries on a free loopback port and exports XHHT_TEST_PG_URL; stops and removes it on exit.
# `start_standby` adds a streaming standby of it (pg_basebackup) and exports
# XHHT_TEST_PG_REPLICA_URL. initdb refuses to run as root, so as root the servers run as the
# `postgres` user.

pg_bin() {
    local dir
    for dir in ${XHHT_PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_pg() {
    local bin port
    bin=$(pg_bin) || return 1
    PG_DIR=$(mktemp -d /tmp/xhht-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --no-sync --no-instructions \
        --no-locale -E UTF8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1; }
    as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        >/dev/null || { cat "$PG_DIR/server.log"; return 1; }
    PG_CTL="$bin/pg_ctl"
    export XHHT_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
    trap stop_pg EXIT
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$port (data in $PG_DIR)"
}

# A hot standby streaming from the cluster start_pg started, on a port of its own.
start_standby() {
    local bin port primary_port
    bin=$(pg_bin) || return 1
    primary_port=${XHHT_TEST_PG_URL##*:}
    primary_port=${primary_port%%/*}
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$PG_DIR/standby" -R -X stream \
        >"$PG_DIR/basebackup.log" 2>&1 || { cat "$PG_DIR/basebackup.log"; return 1; }
    as_pg "$bin/pg_ctl" -D "$PG_DIR/standby" -l "$PG_DIR/standby.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$PG_DIR -c fsync=off -c hot_standby=on -c max_connections=300" \
        >/dev/null || { cat "$PG_DIR/standby.log"; return 1; }
    STANDBY_STARTED=1
    export XHHT_TEST_PG_REPLICA_URL="postgres://postgres@127.0.0.1:$port/postgres"
    echo "PostgreSQL standby streaming from :$primary_port started on 127.0.0.1:$port"
}

stop_pg() {
    if [ -n "${PG_DIR:-}" ]; then
        if [ -n "${STANDBY_STARTED:-}" ]; then
            as_pg "$PG_CTL" -D "$PG_DIR/standby" -m immediate stop >/dev/null 2>&1 || true
            STANDBY_STARTED=
        fi
        as_pg "$PG_CTL" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$PG_DIR"
        PG_DIR=
    fi
}

# Shared by tests/scripts/clients.sh and tests/scripts/schemathesis.sh (sourced, not run):
# the Python virtualenv, the npm packages of the TypeScript client, and a throw-away server.
# The caller has `set -euo pipefail` and is at the repository root.

VENV=.venv
CLIENT_TS=api-spec/client-ts
CLIENT_PY=api-spec/client-py
REQUIREMENTS=tests/clients/requirements.txt

# The virtualenv at ./.venv (git-ignored) with the pinned PyPI tools. Reinstalled only when
# tests/clients/requirements.txt changes, so a second run needs no network.
ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
            rm -rf "$VENV"
            echo "ERROR: python3 cannot create a virtualenv; install python3-venv (Debian)." >&2
            return 1
        fi
    fi
    local want have=""
    want=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
    [ -f "$VENV/.requirements.sha256" ] && have=$(cat "$VENV/.requirements.sha256")
    if [ "$want" != "$have" ]; then
        echo "== installing the pinned Python tools into $VENV ($REQUIREMENTS)"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
        echo "$want" >"$VENV/.requirements.sha256"
    fi
}

# node_modules of the TypeScript client exactly as package-lock.json says (npm ci), again only
# when the lock file changed since the last install.
ensure_node_modules() {
    if ! command -v npm >/dev/null; then
        echo "ERROR: npm is missing; install Node.js 20 or newer with npm." >&2
        return 1
    fi
    local want have=""
    want=$(sha256sum "$CLIENT_TS/package-lock.json" | cut -d' ' -f1)
    [ -f "$CLIENT_TS/node_modules/.lock.sha256" ] && have=$(cat "$CLIENT_TS/node_modules/.lock.sha256")
    if [ "$want" != "$have" ]; then
        echo "== npm ci in $CLIENT_TS"
        (cd "$CLIENT_TS" && npm ci --no-audit --no-fund --loglevel=error)
        echo "$want" >"$CLIENT_TS/node_modules/.lock.sha256"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server WORKDIR: builds nothing (the caller runs `cargo build --bin xhht` first), starts
# target/debug/xhht on SQLite in WORKDIR on a free loopback port and waits for /health/ready.
# Sets SERVER_PID and SERVER_URL, and exports the XHHT_* variables so that the command line
# (`xhht user add`) works on the same database. Cheap argon2 parameters and no practical limit
# on password guesses: the tests sign in many times from one address, and neither the hash
# cost nor the throttling is what they test (tests/api/security.rs does). The caller's EXIT
# trap calls stop_server.
start_server() {
    local work=$1 port
    port=$(free_port)
    export XHHT_DATABASE_URL="sqlite://$work/xhht.sqlite"
    export XHHT_DATA_DIR="$work"
    export XHHT_HOST=127.0.0.1
    export XHHT_PORT=$port
    export XHHT_LOG=${XHHT_LOG:-warn}
    export XHHT_ADMIN_PASSWORD=${XHHT_ADMIN_PASSWORD:-client-tests-admin-password}
    export XHHT_ARGON2_MEMORY_KIB=1024
    export XHHT_ARGON2_ITERATIONS=1
    export XHHT_SIGN_IN_PER_SOURCE_PER_MINUTE=1000000
    export XHHT_SIGN_IN_PER_ACCOUNT_PER_MINUTE=1000000
    SERVER_URL="http://127.0.0.1:$port"
    ./target/debug/xhht serve >"$work/server.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 600); do
        if curl -fs "$SERVER_URL/health/ready" >/dev/null 2>&1; then
            return 0
        fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            break
        fi
        sleep 0.1
    done
    echo "ERROR: the server did not become ready at $SERVER_URL; its log:" >&2
    tail -n 40 "$work/server.log" >&2 || true
    return 1
}

stop_server() {
    if [ -n "${SERVER_PID:-}" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}

# new_api_key USERNAME ROLE [UNIT]: creates a service account with the command line and prints
# its API key (the CLI prints it once, on a line "API key (shown only now): …").
new_api_key() {
    local args=(user add --username "$1" --role "$2" --service)
    [ -n "${3:-}" ] && args+=(--unit "$3")
    RUST_BACKTRACE=0 ./target/debug/xhht "${args[@]}" | sed -n 's/^API key (shown only now): //p'
}

#!/usr/bin/env bash
# The generated API clients, and the OpenAPI document proven through them against a live server.
#
#   bash tests/scripts/clients.sh generate   # `make client`: rewrite api-spec/client-ts/schema.d.ts
#                                            # and api-spec/client-py/ from api-spec/openapi.json
#   bash tests/scripts/clients.sh check      # drift check of both clients + strict tsc + ruff
#   bash tests/scripts/clients.sh e2e        # build, start a server, run the TS tests and the
#                                            # Python example through the clients, stop it
#   bash tests/scripts/clients.sh            # check, then e2e (what `make test` runs)
#
# Tools come from the registries only: npm packages pinned by api-spec/client-ts/package-lock.json
# (npm ci), PyPI packages pinned by tests/clients/requirements.txt (into ./.venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/clients/lib.sh

MODE=${1:-all}
WORK=$(mktemp -d /tmp/xhht-clients.XXXXXX)
SERVER_PID=
cleanup() {
    stop_server
    rm -rf "$WORK"
}
trap cleanup EXIT

# gen_ts FILE: the TypeScript types of the document. `--empty-objects-unknown` because the
# document has free-form objects (`answers`, `outcome`, `changes`, `document`) declared as a bare
# `type: object`, which openapi-typescript would otherwise type as `Record<string, never>`
# (nothing can be put in) rather than `Record<string, unknown>`.
gen_ts() {
    "$CLIENT_TS/node_modules/.bin/openapi-typescript" api-spec/openapi.json \
        --empty-objects-unknown --output "$1" >/dev/null
}

# gen_py DIR: the Python package, configured by $CLIENT_PY/openapi-python-client.yaml (copied
# into DIR so the result is the whole directory as committed). The generator runs ruff
# (pinned, from the venv) as its post-hook; RUFF_NO_CACHE keeps .ruff_cache out of the output.
gen_py() {
    local out=$1 config="$WORK/openapi-python-client.yaml"
    cp "$CLIENT_PY/openapi-python-client.yaml" "$config"
    PATH="$PWD/$VENV/bin:$PATH" RUFF_NO_CACHE=true "$VENV/bin/openapi-python-client" generate \
        --path api-spec/openapi.json --config "$config" --meta pdm --output-path "$out" \
        --fail-on-warning >"$WORK/openapi-python-client.log" 2>&1 || {
        cat "$WORK/openapi-python-client.log" >&2
        return 1
    }
    cp "$config" "$out/openapi-python-client.yaml"
}

generate() {
    ensure_node_modules
    ensure_venv
    gen_ts "$CLIENT_TS/schema.d.ts"
    gen_py "$WORK/client-py"
    rm -rf "$CLIENT_PY"
    mv "$WORK/client-py" "$CLIENT_PY"
    echo "generated $CLIENT_TS/schema.d.ts ($(wc -l <"$CLIENT_TS/schema.d.ts") lines)" \
        "and $CLIENT_PY/ ($(find "$CLIENT_PY" -name '*.py' | wc -l) Python files) from api-spec/openapi.json"
}

check() {
    ensure_node_modules
    ensure_venv
    local drift=0
    echo "== drift: the committed clients against what api-spec/openapi.json produces"
    gen_ts "$WORK/schema.d.ts"
    if ! diff -u "$CLIENT_TS/schema.d.ts" "$WORK/schema.d.ts" >"$WORK/ts.diff"; then
        head -n 60 "$WORK/ts.diff" >&2
        echo "ERROR: $CLIENT_TS/schema.d.ts is stale; run \`make client\` and commit it." >&2
        drift=1
    fi
    gen_py "$WORK/client-py"
    if ! diff -ru -x __pycache__ -x '*.egg-info' -x .ruff_cache "$CLIENT_PY" "$WORK/client-py" >"$WORK/py.diff"; then
        head -n 60 "$WORK/py.diff" >&2
        echo "ERROR: $CLIENT_PY/ is stale; run \`make client\` and commit it." >&2
        drift=1
    fi
    [ "$drift" = 0 ] || return 1
    echo "   up to date"

    # Strict type check of the client and of the TS tests (tsconfig.json includes both).
    echo "== tsc --noEmit (strict): $CLIENT_TS and tests/clients"
    (cd "$CLIENT_TS" && ./node_modules/.bin/tsc -p tsconfig.json)
    echo "== ruff check and format --check: tests/clients"
    "$VENV/bin/ruff" check --no-cache --quiet --line-length 120 --target-version py311 tests/clients
    "$VENV/bin/ruff" format --no-cache --quiet --check --line-length 120 --target-version py311 tests/clients
}

e2e() {
    ensure_node_modules
    ensure_venv
    # One cargo build at a time: the target directory's lock makes a concurrent build wait.
    cargo build --bin xhht
    start_server "$WORK"
    echo "== server on $SERVER_URL (SQLite in $WORK)"

    # TypeScript: compile the tests and the client with the same strict tsconfig into WORK and
    # run them with node's own test runner (Node 20 cannot run .ts itself). The compiled client
    # imports openapi-fetch, found through a node_modules link at WORK's root; package.json
    # marks the output as ES modules.
    echo "== TypeScript client: tests/clients/*.test.ts (node --test)"
    (cd "$CLIENT_TS" && ./node_modules/.bin/tsc -p tsconfig.json --noEmit false --outDir "$WORK/js")
    ln -s "$PWD/$CLIENT_TS/node_modules" "$WORK/js/node_modules"
    cp tests/clients/package.json "$WORK/js/package.json"
    XHHT_URL="$SERVER_URL" node --test --test-reporter=spec "$WORK"/js/tests/clients/*.test.js

    # Python: install the committed package as a user would (its build backend is in the venv,
    # so no download), then run the bulk example with a service account's API key: a commune
    # officer of 00004 may register households there, which the example creates and syncs back.
    echo "== Python client: tests/clients/example.py"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation \
        --force-reinstall "./$CLIENT_PY"
    local key
    key=$(new_api_key "import.example" commune_officer 00004)
    [ -n "$key" ] || { echo "ERROR: \`xhht user add --service\` printed no API key" >&2; return 1; }
    XHHT_API_KEY="$key" "$VENV/bin/python" tests/clients/example.py --url "$SERVER_URL" --count 120 --page-size 50

    stop_server
}

case "$MODE" in
    generate) generate ;;
    check) check ;;
    e2e) e2e ;;
    all)
        # Not `check && e2e`: bash ignores `set -e` inside a function run as part of `&&`.
        check
        e2e
        ;;
    *)
        echo "usage: $0 [generate|check|e2e]" >&2
        exit 2
        ;;
esac

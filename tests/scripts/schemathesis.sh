#!/usr/bin/env bash
# Contract fuzzing: schemathesis generates requests from api-spec/openapi.json (examples,
# boundary coverage, random fuzzing, stateful sequences through the document's links), sends
# them to a throw-away server on loopback, and checks every answer against the document
# (`--checks all`: no 5xx, documented statuses, content types, headers and schemas, valid
# input accepted, invalid input rejected, auth not ignored…). Any failure fails the script.
#
#   XHHT_FUZZ_SECONDS   time budget of the whole run (default 180)
#   XHHT_FUZZ_SEED      seed of the generated data, to repeat a run (default: derived from the
#                       commit, so that every commit explores new inputs; printed below)
#   XHHT_FUZZ_REPORTS   directory to keep the JUnit and NDJSON reports and the crash cache in
#                       (default: dropped with the run's temporary directory)
#   XHHT_FUZZ_EXCLUDE   checks to leave out while investigating (default: none)
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/clients/lib.sh

MAX_TIME=${XHHT_FUZZ_SECONDS:-180}
# Every check runs in `make test`; XHHT_FUZZ_EXCLUDE is for investigating one failure at a time.
EXCLUDED_CHECKS=${XHHT_FUZZ_EXCLUDE-}
# The commit's first 7 hex digits as a number: each commit fuzzes with its own seed, and a
# failure is reproduced with XHHT_FUZZ_SEED=<the printed seed>. Outside git, the day.
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || date +%Y%m%d)
SEED=${XHHT_FUZZ_SEED:-$((16#${commit//[^0-9a-f]/0}))}
WORK=$(mktemp -d /tmp/xhht-schemathesis.XXXXXX)
SERVER_PID=
cleanup() {
    stop_server
    rm -rf "$WORK"
}
trap cleanup EXIT

ensure_venv
# One cargo build at a time: the target directory's lock makes a concurrent build wait.
cargo build --bin xhht
start_server "$WORK"
echo "== server on $SERVER_URL (SQLite in $WORK)"

# The first administrator signs in with its password, as a person would; this also proves the
# credentials before the run. The token itself comes from the auth hook during the run (see
# tests/clients/schemathesis_hooks.py: a fixed -H token goes stale as soon as the fuzzer
# changes the admin account, and the fuzzer resets the admin's password within seconds).
curl -fsS "$SERVER_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"grant_type\":\"password\",\"username\":\"admin\",\"password\":\"$XHHT_ADMIN_PASSWORD\"}" >/dev/null

export XHHT_FUZZ_URL="$SERVER_URL"
export XHHT_FUZZ_AUTH_LOG="$WORK/auth.log"
export SCHEMATHESIS_HOOKS=tests/clients/schemathesis_hooks.py
# Schemathesis' crash cache and hypothesis' own files, out of the repository.
export XHHT_FUZZ_CACHE="${XHHT_FUZZ_REPORTS:-$WORK}/cache"
export HYPOTHESIS_STORAGE_DIRECTORY="$WORK/hypothesis"
: >"$XHHT_FUZZ_AUTH_LOG"

echo "== schemathesis $("$VENV/bin/schemathesis" --version | awk '{print $NF}'): $MAX_TIME s, seed $SEED (repeat with XHHT_FUZZ_SEED=$SEED)"
status=0
# --max-time bounds the run; `timeout` is only a safety net should it overrun (exit 124).
# --generation-database none: nothing is written to ./.hypothesis between runs.
# --workers 1: with two threads, hypothesis' ast.parse of its own source hits a CPython 3.11
# race ("SystemError: AST constructor recursion depth mismatch") and one operation errors out.
timeout --kill-after=10 $((MAX_TIME + 120)) \
    "$VENV/bin/schemathesis" --config-file tests/clients/schemathesis.toml run api-spec/openapi.json \
    --url "$SERVER_URL" \
    --checks all \
    ${EXCLUDED_CHECKS:+--exclude-checks "$EXCLUDED_CHECKS"} \
    --phases examples,coverage,fuzzing,stateful \
    --max-time "$MAX_TIME" \
    --seed "$SEED" \
    --workers 1 \
    --generation-database none \
    --request-timeout 30 \
    --no-color \
    --report junit,ndjson --report-dir "$WORK/reports" || status=$?

if [ -s "$XHHT_FUZZ_AUTH_LOG" ]; then
    echo "== the auth hook's log (each time the fuzzer cut off the administrator it was signed in as):"
    sed 's/^/   /' "$XHHT_FUZZ_AUTH_LOG"
fi
if [ -n "${XHHT_FUZZ_REPORTS:-}" ]; then
    mkdir -p "$XHHT_FUZZ_REPORTS"
    cp -r "$WORK/reports/." "$XHHT_FUZZ_REPORTS/"
    echo "== reports and crash files (for \`schemathesis replay --url …\` against a new server) kept in $XHHT_FUZZ_REPORTS"
fi
if grep -qE ' (ERROR|panicked)' "$WORK/server.log"; then
    echo "== the server logged errors during the run:"
    grep -E ' (ERROR|panicked)' "$WORK/server.log" | head -n 20
fi
stop_server
if [ "$status" != 0 ]; then
    echo "ERROR: schemathesis found failures (exit $status); each one above is a mismatch between" >&2
    echo "       the server and api-spec/openapi.json, with a curl line to reproduce it." >&2
fi
exit "$status"

#!/usr/bin/env bash
# `make bench`: release build, then
#  1. the scoring engine's own benchmark (outcomes per second on one core);
#  2. the cost of authentication (token check, password sign-in);
#  3. the evaluation workflow through the API (one evaluation scored and stored; a batch
#     decision of 10,000), on SQLite and PostgreSQL;
#  3b. statistics reports on a generated province (3 M households, 10 M citizens, 1 M
#     evaluations) against a GROUP BY over the evaluations, on both backends;
#  3c. bulk imports of 1 M households and 2.5 M citizens through the server against a raw
#     load of the same rows (COPY on PostgreSQL, prepared INSERTs on SQLite), on both backends;
#  4. HTTP load with wrk on loopback (GET /api/v1/units/{id}, a token-checked read, a page)
#     against SQLite and, when the Debian binaries are there, PostgreSQL. Every run is bounded.
#     BENCH_ONLY=http runs this part alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/scripts/pg.sh

DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}

if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package) for the HTTP benchmark"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    }
fi

cargo build --release --bin xhht --example ceiling
if pg_bin >/dev/null; then
    start_pg
fi
# BENCH_ONLY=http runs only the HTTP rounds against the ceiling (part 4).
if [ "${BENCH_ONLY:-}" != http ]; then
    echo "== authentication =="
    cargo bench -p xhht-api --bench auth
    if [ -d crates/evaluation/benches ]; then
        echo "== scoring engine =="
        cargo bench -p xhht-evaluation --bench scoring
    fi
    echo "== the evaluation workflow through the API =="
    cargo bench -p xhht --bench workflow
    echo "== statistics on a province-scale data set (XHHT_BENCH_SCALE=0.1 for a tenth) =="
    cargo bench -p xhht --bench statistics
    echo "== bulk imports against a raw load of the same rows (XHHT_BENCH_SCALE=0.1 for a tenth) =="
    cargo bench -p xhht --bench imports
fi

WORK=$(mktemp -d /tmp/xhht-bench.XXXXXX)
ADMIN_PASSWORD=bench-admin-password
SERVER=
CEILING=
cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
    [ -n "$CEILING" ] && kill "$CEILING" 2>/dev/null || true
    stop_pg
    rm -rf "$WORK"
}
trap cleanup EXIT

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The ceiling: a minimal actix-web server answering a 500-byte JSON item from a HashMap.
CEILING_PORT=$(port)
"${CARGO_TARGET_DIR:-target}"/release/examples/ceiling "$CEILING_PORT" >"$WORK/ceiling.log" 2>&1 &
CEILING=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$CEILING_PORT/items/1" >/dev/null && break; sleep 0.1; done

rate() { # wrk's requests per second for URL $1 (extra wrk arguments after it)
    local url=$1
    shift
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" | awk '/Requests\/sec/ {print $2} / 99%/ {print $2 > "/dev/stderr"}'
}

# Three interleaved rounds of the ceiling and of the product's URL $2 (label $1): the medians,
# and the product's share of the ceiling measured in the same minutes.
versus() {
    local label=$1 url=$2 c p
    local ceilings=() products=()
    for round in 1 2 3; do
        c=$(rate "http://127.0.0.1:$CEILING_PORT/items/$((round * 7))" 2>/dev/null)
        p=$(rate "$url" 2>"$WORK/p99")
        ceilings+=("$c")
        products+=("$p")
        echo "   round $round: ceiling $c req/s, $label $p req/s (p99 $(cat "$WORK/p99"))"
    done
    python3 - "$label" "${ceilings[@]}" "${products[@]}" <<'PY'
import statistics, sys
label, values = sys.argv[1], [float(v) for v in sys.argv[2:]]
ceiling, product = statistics.median(values[:3]), statistics.median(values[3:])
print(f"   {label}: median {product:,.0f} req/s against a ceiling of {ceiling:,.0f} req/s: {100 * product / ceiling:.1f} %")
PY
}

load() { # $1 = label, $2 = database URL
    local p started id
    p=$(port)
    started=$(date +%s%N)
    XHHT_DATABASE_URL="$2" XHHT_PORT=$p XHHT_LOG=warn XHHT_DATA_DIR="$WORK" XHHT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
        "${CARGO_TARGET_DIR:-target}"/release/xhht serve >"$WORK/$1.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$p/health/ready" >/dev/null && break; sleep 0.1; done
    echo "== $1: first start (migrate + seed + listen): $(( ($(date +%s%N) - started) / 1000000 )) ms"
    id=$(curl -fs "http://127.0.0.1:$p/api/v1/units/by-code/00004?as_of=2025-07-01" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    echo "== $1: GET /api/v1/units/$id against the ceiling, $CONNECTIONS connections, $DURATION, three rounds"
    versus "$1 units/{id}" "http://127.0.0.1:$p/api/v1/units/$id"
    echo "== $1: GET /api/v1/units/by-code/00004?as_of=2025-07-01 against the ceiling"
    versus "$1 units/by-code" "http://127.0.0.1:$p/api/v1/units/by-code/00004?as_of=2025-07-01"
    echo "== $1: GET /api/v1/frameworks/1 against the ceiling"
    versus "$1 frameworks/1" "http://127.0.0.1:$p/api/v1/frameworks/1"
    echo "== $1: GET /api/v1/accounts/me with a bearer token (token check + account version read)"
    token=$(curl -fs "http://127.0.0.1:$p/api/v1/auth/token" -H 'content-type: application/json' \
        -d "{\"grant_type\":\"password\",\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Authorization: Bearer $token" "http://127.0.0.1:$p/api/v1/accounts/me" | grep -E "Requests/sec|Non-2xx"
    echo "== $1: GET /api/v1/units?level=commune&as_of=2025-07-01&limit=50 (a page with parents)"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$p/api/v1/units?level=commune&as_of=2025-07-01&limit=50" | grep -E "Requests/sec|Non-2xx"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
}

load sqlite "sqlite://$WORK/bench.sqlite"
if [ -n "${XHHT_TEST_PG_URL:-}" ]; then
    psql "$XHHT_TEST_PG_URL" -qc "CREATE DATABASE xhht_bench" >/dev/null
    load postgres "${XHHT_TEST_PG_URL%/postgres}/xhht_bench"
fi

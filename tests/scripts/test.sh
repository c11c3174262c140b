#!/usr/bin/env bash
# `make test`: every test, on SQLite and on a real PostgreSQL cluster started here.
# Without PostgreSQL binaries it says so loudly and runs SQLite only, unless XHHT_REQUIRE_PG=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/scripts/pg.sh

if pg_bin >/dev/null; then
    start_pg
    # Reads that may lag go to a streaming standby in tests/api/replicas.rs.
    start_standby
else
    if [ "${XHHT_REQUIRE_PG:-}" = 1 ]; then
        echo "ERROR: XHHT_REQUIRE_PG=1 but no PostgreSQL server binaries (initdb, pg_ctl) were found." >&2
        echo "       Install them (Debian: apt-get install postgresql) or unset XHHT_REQUIRE_PG." >&2
        exit 1
    fi
    cat >&2 <<'WARN'
########################################################################################
#  WARNING: no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin).  #
#  Only the SQLite half of the test suite runs; every PostgreSQL test is SKIPPED.       #
#  Install them (Debian: apt-get install postgresql) to test both backends.             #
########################################################################################
WARN
fi

cargo test --workspace --all-targets

# The generated clients (drift, strict tsc, end-to-end through them against a live server), the
# document through the two linters integrators run, and
# contract fuzzing of the server against api-spec/openapi.json; both bounded in time. Both run
# even when the first fails, so one `make test` shows every problem; either failing fails it.
clients=0
bash tests/scripts/clients.sh || clients=$?
lint=0
bash tests/scripts/lint-spec.sh || lint=$?
bash tests/scripts/schemathesis.sh
[ "$lint" = 0 ] || exit "$lint"
exit "$clients"

#!/usr/bin/env bash
# The OpenAPI document through the two linters integrators run on it: Redocly CLI with its
# `recommended` rules and Spectral with `spectral:oas`. Any error fails `make test`; warnings
# are printed. The linters are pinned by tests/lint/package-lock.json (npm ci).
set -euo pipefail
cd "$(dirname "$0")/../.."
LINT=tests/lint
if ! command -v npm >/dev/null; then
    echo "ERROR: npm is missing; install Node.js 20 or newer with npm." >&2
    exit 1
fi
want=$(sha256sum "$LINT/package-lock.json" | cut -d' ' -f1)
have=$(cat "$LINT/node_modules/.lock.sha256" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    echo "== npm ci in $LINT"
    (cd "$LINT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$LINT/node_modules/.lock.sha256"
fi
status=0
echo "== redocly lint (recommended)"
"$LINT/node_modules/.bin/redocly" lint api-spec/openapi.json --config "$LINT/redocly.yaml" --format stylish \
    2>&1 | grep -v -E '^\s*$|Node\.js 20|nodejs\.org|Update Node|You are using Node|Future Redocly|Deprecation warning|[╔╚║]' || true
"$LINT/node_modules/.bin/redocly" lint api-spec/openapi.json --config "$LINT/redocly.yaml" --format summary \
    >/dev/null 2>&1 || { echo "ERROR: redocly found errors in api-spec/openapi.json" >&2; status=1; }
echo "== spectral lint (spectral:oas)"
"$LINT/node_modules/.bin/spectral" lint api-spec/openapi.json --ruleset "$LINT/.spectral.yaml" \
    --fail-severity error || { echo "ERROR: spectral found errors in api-spec/openapi.json" >&2; status=1; }
exit "$status"

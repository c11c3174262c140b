# The two commands a newcomer needs are `make run` and `make test`.
.PHONY: run test bench spec build check client

# Build, migrate and seed ./data/xhht.sqlite (or XHHT_DATABASE_URL), and serve on 127.0.0.1:8080.
run:
	cargo run --bin xhht -- serve

# Every test, on SQLite and on a throw-away PostgreSQL cluster.
test:
	bash tests/scripts/test.sh

# Benchmarks (release build): scoring engine, workflow, statistics on a generated province,
# and HTTP load on loopback with wrk.
bench:
	bash tests/scripts/bench.sh

# Regenerate the committed OpenAPI document from the code.
spec:
	cargo run -q --bin xhht -- spec > api-spec/openapi.json.tmp
	mv api-spec/openapi.json.tmp api-spec/openapi.json

# Regenerate the committed clients from api-spec/openapi.json (run it after `make spec`):
# api-spec/client-ts/schema.d.ts (openapi-typescript) and api-spec/client-py/ (openapi-python-client).
client:
	bash tests/scripts/clients.sh generate

build:
	cargo build --workspace --all-targets

check:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings

"""Bulk work through the generated Python client (api-spec/client-py): sign in with an API key,
create households in a commune page by page, each with its own Idempotency-Key, then read them
back page by page with the sync filter `updated_since` and the cursor.

    pip install ./api-spec/client-py
    XHHT_API_KEY=xhht_… python tests/clients/example.py --url http://127.0.0.1:8080 --commune 00004 --count 120

The key needs an account that may register in the commune (`xhht user add --username import.x
--role commune_officer --unit 00004 --service` prints one). Running it again with the same --batch
is safe: every household keeps its Idempotency-Key, so the server answers a retry with the first
result instead of creating the household twice. The read-back asks for what changed since the
earliest `updated_at` the server gave the created households: the server's clock rather than this
machine's, and still the right instant on a retry, whose answers are the first run's. It exits
non-zero when anything it created is missing from what it reads back, or comes back deleted
(tests/scripts/clients.sh runs it against a live server).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from xhht_client import AuthenticatedClient, Client
from xhht_client.api.auth import issue_token
from xhht_client.api.registries import create_household, list_households
from xhht_client.api.units import get_unit_by_code
from xhht_client.models import (
    HouseholdDto,
    HouseholdPage,
    HouseholdRequest,
    Problem,
    TokenRequest,
    TokenResponse,
    UnitDetail,
)
from xhht_client.types import UNSET, Response

T = TypeVar("T")


def sign_in(url: str, api_key: str) -> AuthenticatedClient:
    """An API key buys a 15-minute access token (no refresh token: sign in again)."""
    with Client(base_url=url) as anonymous:
        answer = issue_token.sync_detailed(client=anonymous, body=TokenRequest(grant_type="api_key", api_key=api_key))
    token = expect(answer, TokenResponse, "sign in")
    return AuthenticatedClient(base_url=url, token=token.access_token)


def expect(answer: Response[T | Problem], kind: type[T], what: str) -> T:
    """The parsed body when it is a `kind`; otherwise stop with the server's problem document."""
    if isinstance(answer.parsed, kind):
        return answer.parsed
    if isinstance(answer.parsed, Problem):
        problem = answer.parsed
        sys.exit(f"{what}: {problem.status} {problem.code}: {problem.detail} (request {problem.request_id})")
    sys.exit(f"{what}: unexpected answer {answer.status_code}: {answer.content[:300]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default=os.environ.get("XHHT_URL", "http://127.0.0.1:8080"))
    ap.add_argument("--commune", default="00004", help="the commune's code")
    ap.add_argument("--count", type=int, default=120, help="how many households to create")
    ap.add_argument("--page-size", type=int, default=50, help="households per page, both ways (1-500)")
    ap.add_argument("--batch", default="example", help="names this import; a rerun with it is a retry")
    args = ap.parse_args()
    if args.count < 1 or not 1 <= args.page_size <= 500:
        ap.error("--count must be at least 1 and --page-size within 1-500")
    api_key = os.environ.get("XHHT_API_KEY") or sys.exit("set XHHT_API_KEY (xhht user add … --service)")

    client = sign_in(args.url, api_key)

    def call(request: Callable[..., Response[T]]) -> Response[T]:
        """One request (an operation with its arguments but the client); on a 401 (the token ran
        out during a long import) sign in again, once."""
        nonlocal client
        answer = request(client=client)
        if answer.status_code == 401:
            client = sign_in(args.url, api_key)
            answer = request(client=client)
        return answer

    commune = expect(call(partial(get_unit_by_code.sync_detailed, code=args.commune)), UnitDetail, "find the commune")
    print(f"commune {commune.code} {commune.name} (id {commune.id})")

    # Create the households a page at a time, as a script reading a spreadsheet would. The key
    # names the batch, the commune and the row, so the same row of the same batch is a retry.
    created: dict[int, HouseholdDto] = {}
    for first in range(0, args.count, args.page_size):
        rows = range(first + 1, min(first + args.page_size, args.count) + 1)
        for n in rows:
            body = HouseholdRequest(label=f"Hộ số {n} ({args.batch})", unit_id=commune.id)
            key = f"{args.batch}:{commune.code}:household-{n}"
            answer = call(partial(create_household.sync_detailed, body=body, idempotency_key=key))
            household = expect(answer, HouseholdDto, f"create '{body.label}'")
            created[household.id] = household
        print(f"created page {first // args.page_size + 1}: {len(rows)} households ({len(created)} so far)")

    # Read back what changed since the first of them, page by page, as an offline client syncs:
    # in (updated_at, id) order, deletions included; next_cursor is null on the last page.
    since = min(h.updated_at for h in created.values())
    seen: dict[int, HouseholdDto] = {}
    cursor: str | None = None
    pages = 0
    while True:
        listed = call(
            partial(
                list_households.sync_detailed,
                within=commune.id,
                updated_since=since,
                limit=args.page_size,
                cursor=UNSET if cursor is None else cursor,
            )
        )
        page = expect(listed, HouseholdPage, "list households")
        pages += 1
        seen.update((h.id, h) for h in page.items)
        if not isinstance(page.next_cursor, str):
            break
        if page.next_cursor == cursor:
            sys.exit(f"list households: the cursor does not move on from {cursor!r}; stopping")
        cursor = page.next_cursor
    print(f"read back {len(seen)} households of {commune.code} changed since {since.isoformat()} in {pages} pages")

    lost = [h for h in created.values() if h.id not in seen or seen[h.id].deleted]
    if lost:
        names = ", ".join(f"{h.label} (id {h.id}{', deleted' if h.id in seen else ''})" for h in lost)
        sys.exit(f"{len(lost)} of {len(created)} households missing from the sync, or deleted: {names}")
    print(f"ok: all {len(created)} households created by batch '{args.batch}' are listed")


if __name__ == "__main__":
    main()

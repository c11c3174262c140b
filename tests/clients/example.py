"""Bulk work through the generated Python client (api-spec/client-py): sign in with an API key,
open villages under a commune page by page, each with its own Idempotency-Key, then read them
back page by page with the cursor.

    pip install ./api-spec/client-py
    XHHT_API_KEY=xhht_… python tests/clients/example.py --url http://127.0.0.1:8080 --commune 00004

Running it again with the same --batch is safe: every village keeps its Idempotency-Key, so the
server answers a retry with the first result instead of opening the village twice. It exits
non-zero when anything it opened is missing from what it reads back (tests/scripts/clients.sh
runs it against a live server).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TypeVar

from xhht_client import AuthenticatedClient, Client
from xhht_client.api.auth import issue_token
from xhht_client.api.units import create_village, get_unit_by_code, list_units
from xhht_client.models import NewVillageRequest, Problem, TokenRequest, TokenResponse, UnitDetail, UnitDto, UnitPage
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
    ap.add_argument("--count", type=int, default=120, help="how many villages to open")
    ap.add_argument("--page-size", type=int, default=50, help="villages per page, both ways")
    ap.add_argument("--batch", default="example", help="names this import; a rerun with it is a retry")
    args = ap.parse_args()
    api_key = os.environ.get("XHHT_API_KEY") or sys.exit("set XHHT_API_KEY (xhht user add … --service)")

    client = sign_in(args.url, api_key)

    def call(request: Callable[[AuthenticatedClient], Response[T]]) -> Response[T]:
        """One request; on a 401 (the token ran out during a long import) sign in again, once."""
        nonlocal client
        answer = request(client)
        if answer.status_code == 401:
            client = sign_in(args.url, api_key)
            answer = request(client)
        return answer

    commune = expect(
        call(lambda c: get_unit_by_code.sync_detailed(code=args.commune, client=c)), UnitDetail, "find the commune"
    )
    print(f"commune {commune.code} {commune.name} (id {commune.id})")

    # Open the villages a page at a time, as a script reading a spreadsheet would.
    wanted = [
        NewVillageRequest(
            parent_id=commune.id, name=f"Thôn {n} ({args.batch})", division_type="thôn", local_code=f"EX{n:04d}"
        )
        for n in range(1, args.count + 1)
    ]
    opened: dict[int, UnitDto] = {}
    for first in range(0, len(wanted), args.page_size):
        page = wanted[first : first + args.page_size]
        for village in page:
            key = f"{args.batch}:{commune.code}:{village.local_code}"
            answer = call(lambda c, v=village, k=key: create_village.sync_detailed(client=c, body=v, idempotency_key=k))
            unit = expect(answer, UnitDto, f"open {village.local_code}")
            opened[unit.id] = unit
        print(f"opened page {first // args.page_size + 1}: {len(page)} villages ({len(opened)} so far)")

    # Read them back page by page: next_cursor is null on the last page.
    seen: dict[int, UnitDto] = {}
    cursor: str | None = None
    pages = 0
    while True:
        answer = call(
            lambda c, cur=cursor: list_units.sync_detailed(
                client=c, parent=commune.id, limit=args.page_size, cursor=UNSET if cur is None else cur
            )
        )
        result = expect(answer, UnitPage, "list villages")
        pages += 1
        seen.update((u.id, u) for u in result.items)
        if not isinstance(result.next_cursor, str):
            break
        cursor = result.next_cursor
    print(f"read back {len(seen)} villages of {commune.code} in {pages} pages")

    missing = sorted(u.code for i, u in opened.items() if i not in seen)
    if missing:
        sys.exit(f"not listed under the commune: {', '.join(missing)}")
    print(f"ok: all {len(opened)} villages opened by batch '{args.batch}' are listed")


if __name__ == "__main__":
    main()

"""Schemathesis hooks for tests/scripts/schemathesis.sh.

1. An administrator's bearer token that survives the fuzzing. A fixed
   `-H "Authorization: Bearer …"` does not: within seconds the fuzzer changes the admin account
   it is signed in as (`PATCH /accounts/1`, `POST /accounts/1/reset-password`), every such change
   makes the account's tokens stale at once, and from then on every protected operation only
   sees 401. So the token comes from the provider below: it signs in as `admin` with its
   password (grant_type password), signs in again whenever a response is a 401 (schemathesis'
   `retry_on`), and when that password no longer works (the fuzzer reset it) it creates
   another administrator with `xhht user add`, sets its password through the API, and uses
   that one from then on. Each such event goes to XHHT_FUZZ_AUTH_LOG, which
   the script prints.

2. Two values a client cannot make up, and schemathesis therefore should not either, in the
   requests it means to be valid (requests it means to be invalid keep whatever it generated):
   - `cursor`: an opaque token the server issued in `next_cursor`; a made-up one is rightly
     refused with 400 `invalid_cursor`. Made-up cursors are dropped; issued ones (collected
     from the responses, per operation) are kept.
   - `Idempotency-Key`: a client sends a fresh key per logical request. Schemathesis reuses one
     generated key for different bodies, which the server rightly refuses (422
     `idempotency_key_reused`) or answers with the first request's result (a replay that may
     name a resource deleted since). Well-formed keys are replaced by a fresh UUID per request.
   The paging and the idempotency themselves are tested for real by tests/clients/.

3. Path parameters written as a client writes them. Every id in a path is an integer, and
   schemathesis sometimes draws it as an integral float, which Python prints as `2953.0`; a
   client puts the integer's digits in the URL, so the hook does too. And a stateful step may
   follow a link through an optional reference that is null (a citizen with no household):
   Python prints it as `None`. Following a link to nothing asks for a record that does not
   exist, so the hook asks for id 0, which no record has (ids start at 1), and the server
   answers 404 as it should.

Environment (set by the script): XHHT_FUZZ_URL, XHHT_ADMIN_PASSWORD, XHHT_FUZZ_AUTH_LOG, and
the XHHT_* server variables that the `xhht` command line needs to reach the same database.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid
from typing import Any

import schemathesis

URL = os.environ["XHHT_FUZZ_URL"]
LOG = os.environ.get("XHHT_FUZZ_AUTH_LOG")


def _log(event: str) -> None:
    if LOG:
        with open(LOG, "a", encoding="utf-8") as f:
            f.write(f"{time.strftime('%H:%M:%S')} {event}\n")


def _post(path: str, body: dict[str, str], token: str | None = None) -> tuple[int, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{URL}{path}", data=json.dumps(body).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        return e.code, None


def _sign_in(username: str, password: str) -> dict[str, Any] | None:
    status, body = _post("/api/v1/auth/token", {"grant_type": "password", "username": username, "password": password})
    return body if status == 200 else None


def _new_admin() -> tuple[str, str]:
    """A new administrator from the command line, with its one-time password changed."""
    username = f"fuzz.admin.{uuid.uuid4().hex[:8]}"
    out = subprocess.run(
        ["./target/debug/xhht", "user", "add", "--username", username, "--role", "admin", "--name", "Fuzzing"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "RUST_BACKTRACE": "0"},
        timeout=60,
    ).stdout
    once = next((ln.split(": ", 1)[1].strip() for ln in out.splitlines() if ln.startswith("one-time password")), None)
    if once is None:
        raise RuntimeError(f"`xhht user add` printed no one-time password: {out!r}")
    first = _sign_in(username, once)
    if first is None:
        raise RuntimeError(f"{username} cannot sign in with its one-time password")
    password = secrets.token_urlsafe(18)
    status, _ = _post(
        "/api/v1/accounts/me/password",
        {"current_password": once, "new_password": password},
        token=first["access_token"],
    )
    if status != 204:
        raise RuntimeError(f"{username} cannot change its one-time password ({status})")
    _log(f"created administrator {username}")
    return username, password


@schemathesis.auth(refresh_interval=120)
class XhhtAdministrator:
    """Signs in as an administrator; see the module's docstring."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._username = "admin"
        self._password = os.environ["XHHT_ADMIN_PASSWORD"]

    def get(self, case: Any, ctx: Any) -> str:
        with self._lock:
            answer = _sign_in(self._username, self._password)
            if answer is None or answer.get("must_change_password"):
                _log(f"{self._username} no longer signs in with its password (reset by the fuzzer)")
                try:
                    self._username, self._password = _new_admin()
                except Exception as e:  # logged for the script's report, then schemathesis shows it too
                    _log(f"could not create another administrator: {e!r}")
                    raise
                answer = _sign_in(self._username, self._password)
                if answer is None:
                    raise RuntimeError(f"the new administrator {self._username} cannot sign in")
            return str(answer["access_token"])

    def set(self, case: Any, data: str, ctx: Any) -> None:
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


_issued_cursors: dict[str, set[str]] = {}
_cursors_lock = threading.Lock()


def _positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is None or meta.generation.mode.is_positive


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    if not _positive(case):
        return
    path = case.path_parameters
    if path:
        for name, value in list(path.items()):
            if value is None:
                path[name] = 0
            elif isinstance(value, float) and value.is_integer():
                path[name] = int(value)
    query = case.query
    if query and "cursor" in query:
        with _cursors_lock:
            issued = _issued_cursors.get(case.operation.path, set())
            if query["cursor"] not in issued:
                del query["cursor"]
    headers = case.headers
    if headers:
        for name in list(headers):
            value = headers[name]
            if name.lower() == "idempotency-key" and isinstance(value, str) and 1 <= len(value) <= 200:
                headers[name] = str(uuid.uuid4())


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    if response.status_code != 200:
        return
    try:
        body = response.json()
    except ValueError:  # not JSON
        return
    cursor = body.get("next_cursor") if isinstance(body, dict) else None
    if isinstance(cursor, str):
        with _cursors_lock:
            issued = _issued_cursors.setdefault(case.operation.path, set())
            if len(issued) < 10_000:
                issued.add(cursor)

import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.level import Level
from ...models.problem import Problem
from ...models.unit_detail import UnitDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    as_of: datetime.date | Unset = UNSET,
    level: Level | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level

    params["level"] = json_level

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/units/by-code/{code}".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | UnitDetail | None:
    if response.status_code == 200:
        response_200 = UnitDetail.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | UnitDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    level: Level | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | UnitDetail]:
    """Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

     Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

    **Who may call it**: anyone; no token is needed.

    Args:
        code (str):
        as_of (datetime.date | Unset):
        level (Level | Unset): The level of an administrative unit.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | UnitDetail]
    """

    kwargs = _get_kwargs(
        code=code,
        as_of=as_of,
        level=level,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    level: Level | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | UnitDetail | None:
    """Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

     Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

    **Who may call it**: anyone; no token is needed.

    Args:
        code (str):
        as_of (datetime.date | Unset):
        level (Level | Unset): The level of an administrative unit.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | UnitDetail
    """

    return sync_detailed(
        code=code,
        client=client,
        as_of=as_of,
        level=level,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    level: Level | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | UnitDetail]:
    """Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

     Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

    **Who may call it**: anyone; no token is needed.

    Args:
        code (str):
        as_of (datetime.date | Unset):
        level (Level | Unset): The level of an administrative unit.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | UnitDetail]
    """

    kwargs = _get_kwargs(
        code=code,
        as_of=as_of,
        level=level,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    level: Level | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | UnitDetail | None:
    """Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

     Finds the unit that held a code on a date. `00004` as of 2025-06-30 is Phường Trúc Bạch
    (district 001); as of 2025-07-01 it is Phường Ba Đình (province 01).

    **Who may call it**: anyone; no token is needed.

    Args:
        code (str):
        as_of (datetime.date | Unset):
        level (Level | Unset): The level of an administrative unit.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | UnitDetail
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            as_of=as_of,
            level=level,
            if_none_match=if_none_match,
        )
    ).parsed

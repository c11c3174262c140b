import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.level import Level
from ...models.problem import Problem
from ...models.unit_page import UnitPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    level: Level | Unset = UNSET,
    parent: int | Unset = UNSET,
    within: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    with_total: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level

    params["level"] = json_level

    params["parent"] = parent

    params["within"] = within

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params["with_total"] = with_total

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/units",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UnitPage | None:
    if response.status_code == 200:
        response_200 = UnitPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UnitPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: Level | Unset = UNSET,
    parent: int | Unset = UNSET,
    within: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    with_total: bool | Unset = UNSET,
) -> Response[Problem | UnitPage]:
    """Lists administrative units valid on a date.

     Lists administrative units valid on a date.

    **Who may call it**: anyone; no token is needed.

    Args:
        level (Level | Unset): The level of an administrative unit.
        parent (int | Unset):
        within (int | Unset):
        as_of (datetime.date | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        with_total (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitPage]
    """

    kwargs = _get_kwargs(
        level=level,
        parent=parent,
        within=within,
        as_of=as_of,
        q=q,
        limit=limit,
        cursor=cursor,
        with_total=with_total,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    level: Level | Unset = UNSET,
    parent: int | Unset = UNSET,
    within: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    with_total: bool | Unset = UNSET,
) -> Problem | UnitPage | None:
    """Lists administrative units valid on a date.

     Lists administrative units valid on a date.

    **Who may call it**: anyone; no token is needed.

    Args:
        level (Level | Unset): The level of an administrative unit.
        parent (int | Unset):
        within (int | Unset):
        as_of (datetime.date | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        with_total (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitPage
    """

    return sync_detailed(
        client=client,
        level=level,
        parent=parent,
        within=within,
        as_of=as_of,
        q=q,
        limit=limit,
        cursor=cursor,
        with_total=with_total,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: Level | Unset = UNSET,
    parent: int | Unset = UNSET,
    within: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    with_total: bool | Unset = UNSET,
) -> Response[Problem | UnitPage]:
    """Lists administrative units valid on a date.

     Lists administrative units valid on a date.

    **Who may call it**: anyone; no token is needed.

    Args:
        level (Level | Unset): The level of an administrative unit.
        parent (int | Unset):
        within (int | Unset):
        as_of (datetime.date | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        with_total (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitPage]
    """

    kwargs = _get_kwargs(
        level=level,
        parent=parent,
        within=within,
        as_of=as_of,
        q=q,
        limit=limit,
        cursor=cursor,
        with_total=with_total,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    level: Level | Unset = UNSET,
    parent: int | Unset = UNSET,
    within: int | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    with_total: bool | Unset = UNSET,
) -> Problem | UnitPage | None:
    """Lists administrative units valid on a date.

     Lists administrative units valid on a date.

    **Who may call it**: anyone; no token is needed.

    Args:
        level (Level | Unset): The level of an administrative unit.
        parent (int | Unset):
        within (int | Unset):
        as_of (datetime.date | Unset):
        q (str | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        with_total (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitPage
    """

    return (
        await asyncio_detailed(
            client=client,
            level=level,
            parent=parent,
            within=within,
            as_of=as_of,
            q=q,
            limit=limit,
            cursor=cursor,
            with_total=with_total,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.declared_value_list import DeclaredValueList
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    unit: int,
    year: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unit"] = unit

    params["year"] = year

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/declared-values",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeclaredValueList | Problem | None:
    if response.status_code == 200:
        response_200 = DeclaredValueList.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DeclaredValueList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    year: int,
) -> Response[DeclaredValueList | Problem]:
    """The figures declared for a unit's subtree and a year.

     The figures declared for a unit's subtree and a year.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeclaredValueList | Problem]
    """

    kwargs = _get_kwargs(
        unit=unit,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    year: int,
) -> DeclaredValueList | Problem | None:
    """The figures declared for a unit's subtree and a year.

     The figures declared for a unit's subtree and a year.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeclaredValueList | Problem
    """

    return sync_detailed(
        client=client,
        unit=unit,
        year=year,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    year: int,
) -> Response[DeclaredValueList | Problem]:
    """The figures declared for a unit's subtree and a year.

     The figures declared for a unit's subtree and a year.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeclaredValueList | Problem]
    """

    kwargs = _get_kwargs(
        unit=unit,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    year: int,
) -> DeclaredValueList | Problem | None:
    """The figures declared for a unit's subtree and a year.

     The figures declared for a unit's subtree and a year.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeclaredValueList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            unit=unit,
            year=year,
        )
    ).parsed

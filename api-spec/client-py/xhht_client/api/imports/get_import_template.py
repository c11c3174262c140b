from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_kind_param import ImportKindParam
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    kind: ImportKindParam,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/imports/templates/{kind}.xlsx".format(
            kind=quote(str(kind), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | list[int] | None:
    if response.status_code == 200:
        response_200 = cast(list[int], response.content)

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | list[int]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: ImportKindParam,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[int]]:
    """The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

     The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[int]]
    """

    kwargs = _get_kwargs(
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: ImportKindParam,
    *,
    client: AuthenticatedClient,
) -> Problem | list[int] | None:
    """The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

     The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[int]
    """

    return sync_detailed(
        kind=kind,
        client=client,
    ).parsed


async def asyncio_detailed(
    kind: ImportKindParam,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | list[int]]:
    """The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

     The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[int]]
    """

    kwargs = _get_kwargs(
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: ImportKindParam,
    *,
    client: AuthenticatedClient,
) -> Problem | list[int] | None:
    """The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

     The workbook to fill in for a kind: Vietnamese headings with the English keys, an example
    row, instructions, and drop-down lists of the values and of the caller's units.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[int]
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
        )
    ).parsed

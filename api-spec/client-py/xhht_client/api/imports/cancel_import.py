from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_job_dto import ImportJobDto
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/imports/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportJobDto | Problem | None:
    if response.status_code == 202:
        response_202 = ImportJobDto.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ImportJobDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ImportJobDto | Problem]:
    """Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

     Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
) -> ImportJobDto | Problem | None:
    """Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

     Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobDto | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ImportJobDto | Problem]:
    """Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

     Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
) -> ImportJobDto | Problem | None:
    """Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

     Cancels an import. A queued job stops at once; a running one at the end of its page of
    rows: an atomic import then writes nothing, a per-row one keeps the pages it wrote.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.api_key_dto import ApiKeyDto
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: int,
    key_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/accounts/{id}/api-keys/{key_id}".format(
            id=quote(str(id), safe=""),
            key_id=quote(str(key_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ApiKeyDto | Problem | None:
    if response.status_code == 200:
        response_200 = ApiKeyDto.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ApiKeyDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: int,
    key_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ApiKeyDto | Problem]:
    """Revokes an API key at once.

     Revokes an API key at once.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        key_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        key_id=key_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    key_id: int,
    *,
    client: AuthenticatedClient,
) -> ApiKeyDto | Problem | None:
    """Revokes an API key at once.

     Revokes an API key at once.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        key_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyDto | Problem
    """

    return sync_detailed(
        id=id,
        key_id=key_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: int,
    key_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[ApiKeyDto | Problem]:
    """Revokes an API key at once.

     Revokes an API key at once.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        key_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiKeyDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        key_id=key_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    key_id: int,
    *,
    client: AuthenticatedClient,
) -> ApiKeyDto | Problem | None:
    """Revokes an API key at once.

     Revokes an API key at once.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        key_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiKeyDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            key_id=key_id,
            client=client,
        )
    ).parsed

import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_page import AuditPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    entity: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: int | Unset = UNSET,
    unit: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["entity"] = entity

    params["entity_id"] = entity_id

    params["actor"] = actor

    params["unit"] = unit

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_until: str | Unset = UNSET
    if not isinstance(until, Unset):
        json_until = until.isoformat()
    params["until"] = json_until

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditPage | Problem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: int | Unset = UNSET,
    unit: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[AuditPage | Problem]:
    """Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

     Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        entity (str | Unset):
        entity_id (str | Unset):
        actor (int | Unset):
        unit (int | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        unit=unit,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: int | Unset = UNSET,
    unit: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> AuditPage | Problem | None:
    """Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

     Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        entity (str | Unset):
        entity_id (str | Unset):
        actor (int | Unset):
        unit (int | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return sync_detailed(
        client=client,
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        unit=unit,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: int | Unset = UNSET,
    unit: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[AuditPage | Problem]:
    """Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

     Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        entity (str | Unset):
        entity_id (str | Unset):
        actor (int | Unset):
        unit (int | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | Problem]
    """

    kwargs = _get_kwargs(
        entity=entity,
        entity_id=entity_id,
        actor=actor,
        unit=unit,
        since=since,
        until=until,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    entity: str | Unset = UNSET,
    entity_id: str | Unset = UNSET,
    actor: int | Unset = UNSET,
    unit: int | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    until: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> AuditPage | Problem | None:
    """Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

     Lists changes, newest first: who, when, which entity, the action, the fields before and
    after, and the request id.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        entity (str | Unset):
        entity_id (str | Unset):
        actor (int | Unset):
        unit (int | Unset):
        since (datetime.datetime | Unset):
        until (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            entity=entity,
            entity_id=entity_id,
            actor=actor,
            unit=unit,
            since=since,
            until=until,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

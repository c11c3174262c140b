from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.drive_dto import DriveDto
from ...models.new_drive_request import NewDriveRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NewDriveRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/drives",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DriveDto | Problem | None:
    if response.status_code == 201:
        response_201 = DriveDto.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DriveDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewDriveRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[DriveDto | Problem]:
    """Opens a registration drive for a year and some models.

     Opens a registration drive for a year and some models.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewDriveRequest): Opens a drive: a commune asks its households, clans, villages or
            citizens to register for
            the year's titles (a province, its units and organisations). Example: {'unit_id': 10845,
            'year': 2026, 'title_vi': 'Đăng ký danh hiệu Gia đình học tập năm 2026', 'models':
            ['gia_dinh_hoc_tap'], 'opens_on': '2026-01-05', 'closes_on': '2026-03-31', 'late_policy':
            'flag', 'target': 1200}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriveDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: NewDriveRequest,
    idempotency_key: str | Unset = UNSET,
) -> DriveDto | Problem | None:
    """Opens a registration drive for a year and some models.

     Opens a registration drive for a year and some models.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewDriveRequest): Opens a drive: a commune asks its households, clans, villages or
            citizens to register for
            the year's titles (a province, its units and organisations). Example: {'unit_id': 10845,
            'year': 2026, 'title_vi': 'Đăng ký danh hiệu Gia đình học tập năm 2026', 'models':
            ['gia_dinh_hoc_tap'], 'opens_on': '2026-01-05', 'closes_on': '2026-03-31', 'late_policy':
            'flag', 'target': 1200}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriveDto | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewDriveRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[DriveDto | Problem]:
    """Opens a registration drive for a year and some models.

     Opens a registration drive for a year and some models.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewDriveRequest): Opens a drive: a commune asks its households, clans, villages or
            citizens to register for
            the year's titles (a province, its units and organisations). Example: {'unit_id': 10845,
            'year': 2026, 'title_vi': 'Đăng ký danh hiệu Gia đình học tập năm 2026', 'models':
            ['gia_dinh_hoc_tap'], 'opens_on': '2026-01-05', 'closes_on': '2026-03-31', 'late_policy':
            'flag', 'target': 1200}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriveDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewDriveRequest,
    idempotency_key: str | Unset = UNSET,
) -> DriveDto | Problem | None:
    """Opens a registration drive for a year and some models.

     Opens a registration drive for a year and some models.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewDriveRequest): Opens a drive: a commune asks its households, clans, villages or
            citizens to register for
            the year's titles (a province, its units and organisations). Example: {'unit_id': 10845,
            'year': 2026, 'title_vi': 'Đăng ký danh hiệu Gia đình học tập năm 2026', 'models':
            ['gia_dinh_hoc_tap'], 'opens_on': '2026-01-05', 'closes_on': '2026-03-31', 'late_policy':
            'flag', 'target': 1200}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriveDto | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_detail import FrameworkDetail
from ...models.new_framework_request import NewFrameworkRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NewFrameworkRequest | list[int] | Unset = UNSET,
    province_id: int | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["province_id"] = province_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/frameworks",
        "params": params,
    }

    if isinstance(body, NewFrameworkRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, list[int]):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameworkDetail | Problem | None:
    if response.status_code == 201:
        response_201 = FrameworkDetail.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FrameworkDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewFrameworkRequest | list[int] | Unset = UNSET,
    province_id: int | Unset = UNSET,
) -> Response[FrameworkDetail | Problem]:
    """Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

     Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        province_id (int | Unset):
        body (NewFrameworkRequest): A new framework, or a new version of one (same document `id`).
            It is stored as a draft
            with the next version number; publishing is a separate step.
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkDetail | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        province_id=province_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: NewFrameworkRequest | list[int] | Unset = UNSET,
    province_id: int | Unset = UNSET,
) -> FrameworkDetail | Problem | None:
    """Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

     Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        province_id (int | Unset):
        body (NewFrameworkRequest): A new framework, or a new version of one (same document `id`).
            It is stored as a draft
            with the next version number; publishing is a separate step.
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkDetail | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        province_id=province_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewFrameworkRequest | list[int] | Unset = UNSET,
    province_id: int | Unset = UNSET,
) -> Response[FrameworkDetail | Problem]:
    """Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

     Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        province_id (int | Unset):
        body (NewFrameworkRequest): A new framework, or a new version of one (same document `id`).
            It is stored as a draft
            with the next version number; publishing is a separate step.
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkDetail | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        province_id=province_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewFrameworkRequest | list[int] | Unset = UNSET,
    province_id: int | Unset = UNSET,
) -> FrameworkDetail | Problem | None:
    """Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

     Creates a framework, or the next version of one (same document `id`), as a draft: from a
    JSON document, or from a workbook as `GET /api/v1/frameworks/{id}?format=xlsx` gives it
    (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, the
    province in `province_id`). Administrators create national frameworks; provincial
    officers, their province's.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        province_id (int | Unset):
        body (NewFrameworkRequest): A new framework, or a new version of one (same document `id`).
            It is stored as a draft
            with the next version number; publishing is a separate step.
        body (list[int]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkDetail | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            province_id=province_id,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.adopt_request import AdoptRequest
from ...models.framework_detail import FrameworkDetail
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    body: AdoptRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/frameworks/{id}/adopt".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    id: int,
    *,
    client: AuthenticatedClient,
    body: AdoptRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[FrameworkDetail | Problem]:
    """Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

     Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (AdoptRequest): Adopts a template or a national framework as a province's own draft.
            Example: {'province_id': 1, 'decision': {'number': '1234/QĐ-UBND', 'issuer_vi': 'UBND
            thành phố Hà Nội', 'issued_on': '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND thành
            phố'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkDetail | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AdoptRequest,
    idempotency_key: str | Unset = UNSET,
) -> FrameworkDetail | Problem | None:
    """Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

     Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (AdoptRequest): Adopts a template or a national framework as a province's own draft.
            Example: {'province_id': 1, 'decision': {'number': '1234/QĐ-UBND', 'issuer_vi': 'UBND
            thành phố Hà Nội', 'issued_on': '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND thành
            phố'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkDetail | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AdoptRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[FrameworkDetail | Problem]:
    """Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

     Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (AdoptRequest): Adopts a template or a national framework as a province's own draft.
            Example: {'province_id': 1, 'decision': {'number': '1234/QĐ-UBND', 'issuer_vi': 'UBND
            thành phố Hà Nội', 'issued_on': '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND thành
            phố'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkDetail | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AdoptRequest,
    idempotency_key: str | Unset = UNSET,
) -> FrameworkDetail | Problem | None:
    """Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

     Adopts a template, or a national framework, as a draft of the province's own under the
    province's decision. The officer then completes the draft (a new version through
    `POST /api/v1/frameworks`, in JSON or as a workbook) and publishes it.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        id (int):
        idempotency_key (str | Unset):
        body (AdoptRequest): Adopts a template or a national framework as a province's own draft.
            Example: {'province_id': 1, 'decision': {'number': '1234/QĐ-UBND', 'issuer_vi': 'UBND
            thành phố Hà Nội', 'issued_on': '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND thành
            phố'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkDetail | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evidence_dto import EvidenceDto
from ...models.evidence_request import EvidenceRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: EvidenceRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/evaluations/{id}/evidence".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EvidenceDto | Problem | None:
    if response.status_code == 201:
        response_201 = EvidenceDto.from_dict(response.json())

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
) -> Response[EvidenceDto | Problem]:
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
    body: EvidenceRequest,
) -> Response[EvidenceDto | Problem]:
    """Adds a note or a link as evidence for one indicator.

     Adds a note or a link as evidence for one indicator.

    **Who may call it**: the workflow step `add_evidence`, from `registered` or `submitted` or
    `inspected`: `admin`; `provincial_officer`; `commune_officer` (when the evaluation is `registered`);
    `inspector` (when the evaluation is `submitted` or `inspected`); `association_officer` (when the
    evaluation is `registered`), on evaluations in the units the account covers.

    Args:
        id (int):
        body (EvidenceRequest):  Example: {'indicator_id': 'TC1.CT1', 'kind': 'link', 'url':
            'https://example.gov.vn/ke-hoach-2026.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: EvidenceRequest,
) -> EvidenceDto | Problem | None:
    """Adds a note or a link as evidence for one indicator.

     Adds a note or a link as evidence for one indicator.

    **Who may call it**: the workflow step `add_evidence`, from `registered` or `submitted` or
    `inspected`: `admin`; `provincial_officer`; `commune_officer` (when the evaluation is `registered`);
    `inspector` (when the evaluation is `submitted` or `inspected`); `association_officer` (when the
    evaluation is `registered`), on evaluations in the units the account covers.

    Args:
        id (int):
        body (EvidenceRequest):  Example: {'indicator_id': 'TC1.CT1', 'kind': 'link', 'url':
            'https://example.gov.vn/ke-hoach-2026.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceDto | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: EvidenceRequest,
) -> Response[EvidenceDto | Problem]:
    """Adds a note or a link as evidence for one indicator.

     Adds a note or a link as evidence for one indicator.

    **Who may call it**: the workflow step `add_evidence`, from `registered` or `submitted` or
    `inspected`: `admin`; `provincial_officer`; `commune_officer` (when the evaluation is `registered`);
    `inspector` (when the evaluation is `submitted` or `inspected`); `association_officer` (when the
    evaluation is `registered`), on evaluations in the units the account covers.

    Args:
        id (int):
        body (EvidenceRequest):  Example: {'indicator_id': 'TC1.CT1', 'kind': 'link', 'url':
            'https://example.gov.vn/ke-hoach-2026.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvidenceDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: EvidenceRequest,
) -> EvidenceDto | Problem | None:
    """Adds a note or a link as evidence for one indicator.

     Adds a note or a link as evidence for one indicator.

    **Who may call it**: the workflow step `add_evidence`, from `registered` or `submitted` or
    `inspected`: `admin`; `provincial_officer`; `commune_officer` (when the evaluation is `registered`);
    `inspector` (when the evaluation is `submitted` or `inspected`); `association_officer` (when the
    evaluation is `registered`), on evaluations in the units the account covers.

    Args:
        id (int):
        body (EvidenceRequest):  Example: {'indicator_id': 'TC1.CT1', 'kind': 'link', 'url':
            'https://example.gov.vn/ke-hoach-2026.pdf'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvidenceDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.award_list import AwardList
from ...models.new_award_request import NewAwardRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: NewAwardRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/awards",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AwardList | Problem | None:
    if response.status_code == 201:
        response_201 = AwardList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AwardList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewAwardRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[AwardList | Problem]:
    """Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

     Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewAwardRequest): One decision giving an award to one or more recipients; all or
            nothing. Example: {'kind': 'giay_khen', 'title_vi': 'Giấy khen của Chủ tịch UBND huyện',
            'decision_number': '456/QĐ-UBND', 'decided_on': '2025-06-30', 'authority_vi': 'Chủ tịch
            UBND huyện Krông Nô', 'plan_id': 2, 'phase_id': 'gd1', 'recipients': [{'subject_type':
            'unit', 'subject_id': 24604}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AwardList | Problem]
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
    body: NewAwardRequest,
    idempotency_key: str | Unset = UNSET,
) -> AwardList | Problem | None:
    """Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

     Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewAwardRequest): One decision giving an award to one or more recipients; all or
            nothing. Example: {'kind': 'giay_khen', 'title_vi': 'Giấy khen của Chủ tịch UBND huyện',
            'decision_number': '456/QĐ-UBND', 'decided_on': '2025-06-30', 'authority_vi': 'Chủ tịch
            UBND huyện Krông Nô', 'plan_id': 2, 'phase_id': 'gd1', 'recipients': [{'subject_type':
            'unit', 'subject_id': 24604}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AwardList | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewAwardRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[AwardList | Problem]:
    """Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

     Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewAwardRequest): One decision giving an award to one or more recipients; all or
            nothing. Example: {'kind': 'giay_khen', 'title_vi': 'Giấy khen của Chủ tịch UBND huyện',
            'decision_number': '456/QĐ-UBND', 'decided_on': '2025-06-30', 'authority_vi': 'Chủ tịch
            UBND huyện Krông Nô', 'plan_id': 2, 'phase_id': 'gd1', 'recipients': [{'subject_type':
            'unit', 'subject_id': 24604}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AwardList | Problem]
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
    body: NewAwardRequest,
    idempotency_key: str | Unset = UNSET,
) -> AwardList | Problem | None:
    """Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

     Records one decision's awards (bằng khen, giấy khen, titles) to one or more recipients, with
    the plan, phase and review they reward; all or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (NewAwardRequest): One decision giving an award to one or more recipients; all or
            nothing. Example: {'kind': 'giay_khen', 'title_vi': 'Giấy khen của Chủ tịch UBND huyện',
            'decision_number': '456/QĐ-UBND', 'decided_on': '2025-06-30', 'authority_vi': 'Chủ tịch
            UBND huyện Krông Nô', 'plan_id': 2, 'phase_id': 'gd1', 'recipients': [{'subject_type':
            'unit', 'subject_id': 24604}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AwardList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

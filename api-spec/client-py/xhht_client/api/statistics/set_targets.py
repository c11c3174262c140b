from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.target_list import TargetList
from ...models.target_set_request import TargetSetRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: TargetSetRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/targets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TargetList | None:
    if response.status_code == 201:
        response_201 = TargetList.from_dict(response.json())

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
) -> Response[Problem | TargetList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TargetSetRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TargetList]:
    """Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

     Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        idempotency_key (str | Unset):
        body (TargetSetRequest): A province's (or one of its communes') targets, from the
            province's own plan. Example: {'unit_id': 10811, 'act': {'number': '45/KH-UBND', 'issuer':
            'UBND Thành phố Hà Nội', 'issued_on': '2022-04-20'}, 'items': [{'model_kind':
            'gia_dinh_hoc_tap', 'target_year': 2030, 'value': 85}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetList]
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
    body: TargetSetRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TargetList | None:
    """Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

     Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        idempotency_key (str | Unset):
        body (TargetSetRequest): A province's (or one of its communes') targets, from the
            province's own plan. Example: {'unit_id': 10811, 'act': {'number': '45/KH-UBND', 'issuer':
            'UBND Thành phố Hà Nội', 'issued_on': '2022-04-20'}, 'items': [{'model_kind':
            'gia_dinh_hoc_tap', 'target_year': 2030, 'value': 85}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetList
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TargetSetRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | TargetList]:
    """Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

     Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        idempotency_key (str | Unset):
        body (TargetSetRequest): A province's (or one of its communes') targets, from the
            province's own plan. Example: {'unit_id': 10811, 'act': {'number': '45/KH-UBND', 'issuer':
            'UBND Thành phố Hà Nội', 'issued_on': '2022-04-20'}, 'items': [{'model_kind':
            'gia_dinh_hoc_tap', 'target_year': 2030, 'value': 85}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetList]
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
    body: TargetSetRequest,
    idempotency_key: str | Unset = UNSET,
) -> Problem | TargetList | None:
    """Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

     Sets targets for a province, or for one of its communes, from the province's own plan
    (the act's number, issuer and date). Each supersedes the target in force for the same unit,
    model, subgroup and year; the old one is kept. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: `admin`, `provincial_officer`, on the units the account covers (administrators
    nationwide).

    Args:
        idempotency_key (str | Unset):
        body (TargetSetRequest): A province's (or one of its communes') targets, from the
            province's own plan. Example: {'unit_id': 10811, 'act': {'number': '45/KH-UBND', 'issuer':
            'UBND Thành phố Hà Nội', 'issued_on': '2022-04-20'}, 'items': [{'model_kind':
            'gia_dinh_hoc_tap', 'target_year': 2030, 'value': 85}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetList
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

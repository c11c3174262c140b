from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.decision_dto import DecisionDto
from ...models.decision_request import DecisionRequest
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/decisions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DecisionDto | Problem | None:
    if response.status_code == 201:
        response_201 = DecisionDto.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[DecisionDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[DecisionDto | Problem]:
    """Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

     Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: per item, by the kind of decision: `recognise`, from `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `reject`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `revoke`, from `recognised`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers.

    Args:
        idempotency_key (str | Unset):
        body (DecisionRequest): A decision (Quyết định) with its annexed list: it recognises,
            rejects or revokes many
            evaluations at once, all or nothing. Example: {'kind': 'recognition', 'number': '123/QĐ-
            UBND', 'decided_on': '2027-03-15', 'authority': 'Chủ tịch UBND phường Ba Đình', 'items':
            [{'evaluation_id': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionDto | Problem]
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
    body: DecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> DecisionDto | Problem | None:
    """Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

     Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: per item, by the kind of decision: `recognise`, from `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `reject`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `revoke`, from `recognised`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers.

    Args:
        idempotency_key (str | Unset):
        body (DecisionRequest): A decision (Quyết định) with its annexed list: it recognises,
            rejects or revokes many
            evaluations at once, all or nothing. Example: {'kind': 'recognition', 'number': '123/QĐ-
            UBND', 'decided_on': '2027-03-15', 'authority': 'Chủ tịch UBND phường Ba Đình', 'items':
            [{'evaluation_id': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionDto | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[DecisionDto | Problem]:
    """Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

     Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: per item, by the kind of decision: `recognise`, from `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `reject`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `revoke`, from `recognised`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers.

    Args:
        idempotency_key (str | Unset):
        body (DecisionRequest): A decision (Quyết định) with its annexed list: it recognises,
            rejects or revokes many
            evaluations at once, all or nothing. Example: {'kind': 'recognition', 'number': '123/QĐ-
            UBND', 'decided_on': '2027-03-15', 'authority': 'Chủ tịch UBND phường Ba Đình', 'items':
            [{'evaluation_id': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DecisionDto | Problem]
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
    body: DecisionRequest,
    idempotency_key: str | Unset = UNSET,
) -> DecisionDto | Problem | None:
    """Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

     Records a decision and applies it to every listed evaluation, or to none: a recognition
    needs inspected evaluations under a published framework at the level granted (level 2 only
    after 12 months at level 1); a rejection, submitted or inspected ones; a revocation,
    recognised ones. Safe to retry with an `Idempotency-Key`.

    **Who may call it**: per item, by the kind of decision: `recognise`, from `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `reject`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers. `revoke`, from `recognised`: `admin`;
    `provincial_officer`; `commune_officer` (only the titles the commune decides: `cong_dan_hoc_tap`,
    `gia_dinh_hoc_tap`, `dong_ho_hoc_tap`, `cong_dong_hoc_tap_thon`, `don_vi_hoc_tap_xa`), on
    evaluations in the units the account covers.

    Args:
        idempotency_key (str | Unset):
        body (DecisionRequest): A decision (Quyết định) with its annexed list: it recognises,
            rejects or revokes many
            evaluations at once, all or nothing. Example: {'kind': 'recognition', 'number': '123/QĐ-
            UBND', 'decided_on': '2027-03-15', 'authority': 'Chủ tịch UBND phường Ba Đình', 'items':
            [{'evaluation_id': 1}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DecisionDto | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_plan_request import NewPlanRequest
from ...models.plan_detail import PlanDetail
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: NewPlanRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/emulation-plans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanDetail | Problem | None:
    if response.status_code == 201:
        response_201 = PlanDetail.from_dict(response.json())

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
) -> Response[PlanDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: NewPlanRequest,
) -> Response[PlanDetail | Problem]:
    """Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

     Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        body (NewPlanRequest): Records a plan: its decision, phases, participants and their
            pass/fail criteria.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanDetail | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: NewPlanRequest,
) -> PlanDetail | Problem | None:
    """Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

     Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        body (NewPlanRequest): Records a plan: its decision, phases, participants and their
            pass/fail criteria.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanDetail | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: NewPlanRequest,
) -> Response[PlanDetail | Problem]:
    """Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

     Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        body (NewPlanRequest): Records a plan: its decision, phases, participants and their
            pass/fail criteria.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanDetail | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: NewPlanRequest,
) -> PlanDetail | Problem | None:
    """Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

     Records an emulation plan of a unit (a province's, a commune's, or a district's of before
    2025): its decision, phases and the pass/fail criteria of each kind of participant.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        body (NewPlanRequest): Records a plan: its decision, phases, participants and their
            pass/fail criteria.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanDetail | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_level import PlanLevel
from ...models.plan_page import PlanPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    level: PlanLevel | Unset = UNSET,
    within: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level

    params["level"] = json_level

    params["within"] = within

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/emulation-plans",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PlanPage | Problem | None:
    if response.status_code == 200:
        response_200 = PlanPage.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PlanPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: PlanLevel | Unset = UNSET,
    within: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PlanPage | Problem]:
    """Lists emulation plans (public: plans are public documents).

     Lists emulation plans (public: plans are public documents).

    **Who may call it**: anyone; no token is needed.

    Args:
        level (PlanLevel | Unset): The level of government that issued a plan.
        within (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanPage | Problem]
    """

    kwargs = _get_kwargs(
        level=level,
        within=within,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    level: PlanLevel | Unset = UNSET,
    within: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PlanPage | Problem | None:
    """Lists emulation plans (public: plans are public documents).

     Lists emulation plans (public: plans are public documents).

    **Who may call it**: anyone; no token is needed.

    Args:
        level (PlanLevel | Unset): The level of government that issued a plan.
        within (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanPage | Problem
    """

    return sync_detailed(
        client=client,
        level=level,
        within=within,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    level: PlanLevel | Unset = UNSET,
    within: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[PlanPage | Problem]:
    """Lists emulation plans (public: plans are public documents).

     Lists emulation plans (public: plans are public documents).

    **Who may call it**: anyone; no token is needed.

    Args:
        level (PlanLevel | Unset): The level of government that issued a plan.
        within (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanPage | Problem]
    """

    kwargs = _get_kwargs(
        level=level,
        within=within,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    level: PlanLevel | Unset = UNSET,
    within: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> PlanPage | Problem | None:
    """Lists emulation plans (public: plans are public documents).

     Lists emulation plans (public: plans are public documents).

    **Who may call it**: anyone; no token is needed.

    Args:
        level (PlanLevel | Unset): The level of government that issued a plan.
        within (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            level=level,
            within=within,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.model_kind import ModelKind
from ...models.problem import Problem
from ...models.target_list import TargetList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unit: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unit"] = unit

    json_model_kind: str | Unset = UNSET
    if not isinstance(model_kind, Unset):
        json_model_kind = model_kind

    params["model_kind"] = json_model_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/targets",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TargetList | None:
    if response.status_code == 200:
        response_200 = TargetList.from_dict(response.json())

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
    client: AuthenticatedClient | Client,
    unit: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
) -> Response[Problem | TargetList]:
    """The targets in force: the nation's, and those a province set for itself or its communes.

     The targets in force: the nation's, and those a province set for itself or its communes.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetList]
    """

    kwargs = _get_kwargs(
        unit=unit,
        model_kind=model_kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    unit: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
) -> Problem | TargetList | None:
    """The targets in force: the nation's, and those a province set for itself or its communes.

     The targets in force: the nation's, and those a province set for itself or its communes.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetList
    """

    return sync_detailed(
        client=client,
        unit=unit,
        model_kind=model_kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
) -> Response[Problem | TargetList]:
    """The targets in force: the nation's, and those a province set for itself or its communes.

     The targets in force: the nation's, and those a province set for itself or its communes.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TargetList]
    """

    kwargs = _get_kwargs(
        unit=unit,
        model_kind=model_kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    unit: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
) -> Problem | TargetList | None:
    """The targets in force: the nation's, and those a province set for itself or its communes.

     The targets in force: the nation's, and those a province set for itself or its communes.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TargetList
    """

    return (
        await asyncio_detailed(
            client=client,
            unit=unit,
            model_kind=model_kind,
        )
    ).parsed

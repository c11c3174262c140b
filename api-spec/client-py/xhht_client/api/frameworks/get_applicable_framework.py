import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.applicable_framework import ApplicableFramework
from ...models.citizen_target_group import CitizenTargetGroup
from ...models.model_kind import ModelKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unit: int,
    model_kind: ModelKind,
    date: datetime.date | Unset = UNSET,
    target_group: CitizenTargetGroup | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unit"] = unit

    json_model_kind: str = model_kind
    params["model_kind"] = json_model_kind

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    json_target_group: str | Unset = UNSET
    if not isinstance(target_group, Unset):
        json_target_group = target_group

    params["target_group"] = json_target_group

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/frameworks/applicable",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicableFramework | Problem | None:
    if response.status_code == 200:
        response_200 = ApplicableFramework.from_dict(response.json())

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
) -> Response[ApplicableFramework | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    model_kind: ModelKind,
    date: datetime.date | Unset = UNSET,
    target_group: CitizenTargetGroup | Unset = UNSET,
) -> Response[ApplicableFramework | Problem]:
    """Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

     Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        date (datetime.date | Unset):
        target_group (CitizenTargetGroup | Unset): The four target groups of QĐ 324/QĐ-KHVN, each
            with its own criteria set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicableFramework | Problem]
    """

    kwargs = _get_kwargs(
        unit=unit,
        model_kind=model_kind,
        date=date,
        target_group=target_group,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    model_kind: ModelKind,
    date: datetime.date | Unset = UNSET,
    target_group: CitizenTargetGroup | Unset = UNSET,
) -> ApplicableFramework | Problem | None:
    """Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

     Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        date (datetime.date | Unset):
        target_group (CitizenTargetGroup | Unset): The four target groups of QĐ 324/QĐ-KHVN, each
            with its own criteria set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicableFramework | Problem
    """

    return sync_detailed(
        client=client,
        unit=unit,
        model_kind=model_kind,
        date=date,
        target_group=target_group,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    model_kind: ModelKind,
    date: datetime.date | Unset = UNSET,
    target_group: CitizenTargetGroup | Unset = UNSET,
) -> Response[ApplicableFramework | Problem]:
    """Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

     Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        date (datetime.date | Unset):
        target_group (CitizenTargetGroup | Unset): The four target groups of QĐ 324/QĐ-KHVN, each
            with its own criteria set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicableFramework | Problem]
    """

    kwargs = _get_kwargs(
        unit=unit,
        model_kind=model_kind,
        date=date,
        target_group=target_group,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    unit: int,
    model_kind: ModelKind,
    date: datetime.date | Unset = UNSET,
    target_group: CitizenTargetGroup | Unset = UNSET,
) -> ApplicableFramework | Problem | None:
    """Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

     Which published framework governs the evaluation of a model in a unit on a day: the
    province's own (adopted by its decision) before the national one.

    **Who may call it**: anyone; no token is needed.

    Args:
        unit (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        date (datetime.date | Unset):
        target_group (CitizenTargetGroup | Unset): The four target groups of QĐ 324/QĐ-KHVN, each
            with its own criteria set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicableFramework | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            unit=unit,
            model_kind=model_kind,
            date=date,
            target_group=target_group,
        )
    ).parsed

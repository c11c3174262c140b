from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.award_list import AwardList
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unit: int | Unset = UNSET,
    plan_id: int | Unset = UNSET,
    phase_id: str | Unset = UNSET,
    year: int | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unit"] = unit

    params["plan_id"] = plan_id

    params["phase_id"] = phase_id

    params["year"] = year

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/awards",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AwardList | Problem | None:
    if response.status_code == 200:
        response_200 = AwardList.from_dict(response.json())

        return response_200

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
    unit: int | Unset = UNSET,
    plan_id: int | Unset = UNSET,
    phase_id: str | Unset = UNSET,
    year: int | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[AwardList | Problem]:
    """Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

     Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        unit (int | Unset):
        plan_id (int | Unset):
        phase_id (str | Unset):
        year (int | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AwardList | Problem]
    """

    kwargs = _get_kwargs(
        unit=unit,
        plan_id=plan_id,
        phase_id=phase_id,
        year=year,
        format_=format_,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    unit: int | Unset = UNSET,
    plan_id: int | Unset = UNSET,
    phase_id: str | Unset = UNSET,
    year: int | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> AwardList | Problem | None:
    """Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

     Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        unit (int | Unset):
        plan_id (int | Unset):
        phase_id (str | Unset):
        year (int | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AwardList | Problem
    """

    return sync_detailed(
        client=client,
        unit=unit,
        plan_id=plan_id,
        phase_id=phase_id,
        year=year,
        format_=format_,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    unit: int | Unset = UNSET,
    plan_id: int | Unset = UNSET,
    phase_id: str | Unset = UNSET,
    year: int | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[AwardList | Problem]:
    """Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

     Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        unit (int | Unset):
        plan_id (int | Unset):
        phase_id (str | Unset):
        year (int | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AwardList | Problem]
    """

    kwargs = _get_kwargs(
        unit=unit,
        plan_id=plan_id,
        phase_id=phase_id,
        year=year,
        format_=format_,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    unit: int | Unset = UNSET,
    plan_id: int | Unset = UNSET,
    phase_id: str | Unset = UNSET,
    year: int | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> AwardList | Problem | None:
    """Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

     Awards in the caller's units, by unit, plan, phase and year, with how many of each kind.
    JSON, CSV or XLSX.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        unit (int | Unset):
        plan_id (int | Unset):
        phase_id (str | Unset):
        year (int | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AwardList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            unit=unit,
            plan_id=plan_id,
            phase_id=phase_id,
            year=year,
            format_=format_,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

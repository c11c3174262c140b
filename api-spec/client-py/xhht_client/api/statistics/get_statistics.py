import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.boundaries_dto import BoundariesDto
from ...models.breakdown import Breakdown
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...models.statistics_report import StatisticsReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    unit: int | Unset = UNSET,
    year: int | Unset = UNSET,
    models: str | Unset = UNSET,
    by: Breakdown | Unset = UNSET,
    boundaries: BoundariesDto | Unset = UNSET,
    on: datetime.date | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unit"] = unit

    params["year"] = year

    params["models"] = models

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by

    params["by"] = json_by

    json_boundaries: str | Unset = UNSET
    if not isinstance(boundaries, Unset):
        json_boundaries = boundaries

    params["boundaries"] = json_boundaries

    json_on: str | Unset = UNSET
    if not isinstance(on, Unset):
        json_on = on.isoformat()
    params["on"] = json_on

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/statistics",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StatisticsReport | None:
    if response.status_code == 200:
        response_200 = StatisticsReport.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Problem | StatisticsReport]:
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
    year: int | Unset = UNSET,
    models: str | Unset = UNSET,
    by: Breakdown | Unset = UNSET,
    boundaries: BoundariesDto | Unset = UNSET,
    on: datetime.date | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
) -> Response[Problem | StatisticsReport]:
    """Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

     Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

    **Who may call it**: anyone for figures of communes and above (they hold no personal data, as
    provinces publish them); rows below the commune (villages) need a token of an account covering them.

    Args:
        unit (int | Unset):
        year (int | Unset):
        models (str | Unset):
        by (Breakdown | Unset): How the rows of a report are cut.
        boundaries (BoundariesDto | Unset): Which map the report is drawn on.
        on (datetime.date | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatisticsReport]
    """

    kwargs = _get_kwargs(
        unit=unit,
        year=year,
        models=models,
        by=by,
        boundaries=boundaries,
        on=on,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    unit: int | Unset = UNSET,
    year: int | Unset = UNSET,
    models: str | Unset = UNSET,
    by: Breakdown | Unset = UNSET,
    boundaries: BoundariesDto | Unset = UNSET,
    on: datetime.date | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
) -> Problem | StatisticsReport | None:
    """Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

     Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

    **Who may call it**: anyone for figures of communes and above (they hold no personal data, as
    provinces publish them); rows below the commune (villages) need a token of an account covering them.

    Args:
        unit (int | Unset):
        year (int | Unset):
        models (str | Unset):
        by (Breakdown | Unset): How the rows of a report are cut.
        boundaries (BoundariesDto | Unset): Which map the report is drawn on.
        on (datetime.date | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatisticsReport
    """

    return sync_detailed(
        client=client,
        unit=unit,
        year=year,
        models=models,
        by=by,
        boundaries=boundaries,
        on=on,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    unit: int | Unset = UNSET,
    year: int | Unset = UNSET,
    models: str | Unset = UNSET,
    by: Breakdown | Unset = UNSET,
    boundaries: BoundariesDto | Unset = UNSET,
    on: datetime.date | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
) -> Response[Problem | StatisticsReport]:
    """Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

     Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

    **Who may call it**: anyone for figures of communes and above (they hold no personal data, as
    provinces publish them); rows below the commune (villages) need a token of an account covering them.

    Args:
        unit (int | Unset):
        year (int | Unset):
        models (str | Unset):
        by (Breakdown | Unset): How the rows of a report are cut.
        boundaries (BoundariesDto | Unset): Which map the report is drawn on.
        on (datetime.date | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StatisticsReport]
    """

    kwargs = _get_kwargs(
        unit=unit,
        year=year,
        models=models,
        by=by,
        boundaries=boundaries,
        on=on,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    unit: int | Unset = UNSET,
    year: int | Unset = UNSET,
    models: str | Unset = UNSET,
    by: Breakdown | Unset = UNSET,
    boundaries: BoundariesDto | Unset = UNSET,
    on: datetime.date | Unset = UNSET,
    format_: ReportFormat | Unset = UNSET,
) -> Problem | StatisticsReport | None:
    """Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

     Figures of a unit's subtree for a year, by model: registered, submitted, inspected,
    recognised (by level), rejected, revoked, held on a day, the denominator from the registries
    or the map, the share, the target that applies, the gap. JSON, CSV or XLSX.

    **Who may call it**: anyone for figures of communes and above (they hold no personal data, as
    provinces publish them); rows below the commune (villages) need a token of an account covering them.

    Args:
        unit (int | Unset):
        year (int | Unset):
        models (str | Unset):
        by (Breakdown | Unset): How the rows of a report are cut.
        boundaries (BoundariesDto | Unset): Which map the report is drawn on.
        on (datetime.date | Unset):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StatisticsReport
    """

    return (
        await asyncio_detailed(
            client=client,
            unit=unit,
            year=year,
            models=models,
            by=by,
            boundaries=boundaries,
            on=on,
            format_=format_,
        )
    ).parsed

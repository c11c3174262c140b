from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.new_report_request import NewReportRequest
from ...models.problem import Problem
from ...models.report_dto import ReportDto
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: NewReportRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/emulation-reviews/{id}/reports".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReportDto | None:
    if response.status_code == 200:
        response_200 = ReportDto.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ReportDto.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReportDto]:
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
    body: NewReportRequest,
) -> Response[Problem | ReportDto]:
    """Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

     Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (NewReportRequest): A participant's report: its answers to the plan's criteria for
            its kind, with evidence. Example: {'participant_kind': 'xa', 'subject_type': 'unit',
            'subject_id': 24604, 'answers': {'TC1': True, 'TC2': True}, 'evidence': [{'indicator_id':
            'TC1', 'note': 'Báo cáo số 12/BC-UBND'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportDto]
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
    body: NewReportRequest,
) -> Problem | ReportDto | None:
    """Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

     Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (NewReportRequest): A participant's report: its answers to the plan's criteria for
            its kind, with evidence. Example: {'participant_kind': 'xa', 'subject_type': 'unit',
            'subject_id': 24604, 'answers': {'TC1': True, 'TC2': True}, 'evidence': [{'indicator_id':
            'TC1', 'note': 'Báo cáo số 12/BC-UBND'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportDto
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
    body: NewReportRequest,
) -> Response[Problem | ReportDto]:
    """Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

     Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (NewReportRequest): A participant's report: its answers to the plan's criteria for
            its kind, with evidence. Example: {'participant_kind': 'xa', 'subject_type': 'unit',
            'subject_id': 24604, 'answers': {'TC1': True, 'TC2': True}, 'evidence': [{'indicator_id':
            'TC1', 'note': 'Báo cáo số 12/BC-UBND'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportDto]
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
    body: NewReportRequest,
) -> Problem | ReportDto | None:
    """Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

     Files a participant's report: its answers to its kind's criteria, with evidence. A report
    not marked yet may be filed again; the last one counts.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (NewReportRequest): A participant's report: its answers to the plan's criteria for
            its kind, with evidence. Example: {'participant_kind': 'xa', 'subject_type': 'unit',
            'subject_id': 24604, 'answers': {'TC1': True, 'TC2': True}, 'evidence': [{'indicator_id':
            'TC1', 'note': 'Báo cáo số 12/BC-UBND'}]}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportDto
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

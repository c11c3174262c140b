from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.marks_request import MarksRequest
from ...models.problem import Problem
from ...models.report_dto import ReportDto
from ...types import Response


def _get_kwargs(
    id: int,
    report_id: int,
    *,
    body: MarksRequest,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/emulation-reviews/{id}/reports/{report_id}/marks".format(
            id=quote(str(id), safe=""),
            report_id=quote(str(report_id), safe=""),
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

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    report_id: int,
    *,
    client: AuthenticatedClient,
    body: MarksRequest,
    if_match: str,
) -> Response[Problem | ReportDto]:
    """Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

     Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        id (int):
        report_id (int):
        if_match (str):
        body (MarksRequest): The reviewers' marks on a report. Example: {'marks': {'TC1': True,
            'TC2': False}, 'note': 'Chưa có minh chứng TC2'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportDto]
    """

    kwargs = _get_kwargs(
        id=id,
        report_id=report_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    report_id: int,
    *,
    client: AuthenticatedClient,
    body: MarksRequest,
    if_match: str,
) -> Problem | ReportDto | None:
    """Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

     Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        id (int):
        report_id (int):
        if_match (str):
        body (MarksRequest): The reviewers' marks on a report. Example: {'marks': {'TC1': True,
            'TC2': False}, 'note': 'Chưa có minh chứng TC2'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportDto
    """

    return sync_detailed(
        id=id,
        report_id=report_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: int,
    report_id: int,
    *,
    client: AuthenticatedClient,
    body: MarksRequest,
    if_match: str,
) -> Response[Problem | ReportDto]:
    """Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

     Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        id (int):
        report_id (int):
        if_match (str):
        body (MarksRequest): The reviewers' marks on a report. Example: {'marks': {'TC1': True,
            'TC2': False}, 'note': 'Chưa có minh chứng TC2'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportDto]
    """

    kwargs = _get_kwargs(
        id=id,
        report_id=report_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    report_id: int,
    *,
    client: AuthenticatedClient,
    body: MarksRequest,
    if_match: str,
) -> Problem | ReportDto | None:
    """Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

     Records the reviewers' marks on a report: every criterion of its kind, passed or not.
    Needs `If-Match` with the report's version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, on the units the account
    covers (administrators nationwide).

    Args:
        id (int):
        report_id (int):
        if_match (str):
        body (MarksRequest): The reviewers' marks on a report. Example: {'marks': {'TC1': True,
            'TC2': False}, 'note': 'Chưa có minh chứng TC2'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportDto
    """

    return (
        await asyncio_detailed(
            id=id,
            report_id=report_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed

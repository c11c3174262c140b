from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_detail import FrameworkDetail
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/frameworks/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | FrameworkDetail | Problem | None:
    if response.status_code == 200:
        response_200 = FrameworkDetail.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | FrameworkDetail | Problem]:
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
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FrameworkDetail | Problem]:
    """Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

     Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FrameworkDetail | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | FrameworkDetail | Problem | None:
    """Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

     Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FrameworkDetail | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        format_=format_,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | FrameworkDetail | Problem]:
    """Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

     Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | FrameworkDetail | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | FrameworkDetail | Problem | None:
    """Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

     Reads one framework version: its whole document as JSON, the workbook an official edits
    and uploads back (`format=xlsx`), or its indicators as CSV.

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | FrameworkDetail | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            format_=format_,
            if_none_match=if_none_match,
        )
    ).parsed

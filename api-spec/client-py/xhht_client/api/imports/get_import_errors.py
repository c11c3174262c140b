from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_error_list import ImportErrorList
from ...models.problem import Problem
from ...models.report_format import ReportFormat
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: int,
    *,
    format_: ReportFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/imports/{id}/errors".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportErrorList | Problem | None:
    if response.status_code == 200:
        response_200 = ImportErrorList.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ImportErrorList | Problem]:
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
) -> Response[ImportErrorList | Problem]:
    """The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

     The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportErrorList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
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
) -> ImportErrorList | Problem | None:
    """The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

     The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportErrorList | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
) -> Response[ImportErrorList | Problem]:
    """The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

     The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportErrorList | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
) -> ImportErrorList | Problem | None:
    """The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

     The errors of an import's rows: JSON, CSV, or the failed rows as uploaded, in a workbook
    with an error column and the bad cells in red, to correct and upload again.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        id (int):
        format_ (ReportFormat | Unset): The file a report comes as.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportErrorList | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            format_=format_,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_import_json_body_item import CreateImportJsonBodyItem
from ...models.import_format import ImportFormat
from ...models.import_job_dto import ImportJobDto
from ...models.import_kind_param import ImportKindParam
from ...models.import_mode import ImportMode
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[CreateImportJsonBodyItem] | list[int] | str | str | Unset = UNSET,
    kind: ImportKindParam,
    dry_run: bool | Unset = UNSET,
    mode: ImportMode | Unset = UNSET,
    format_: ImportFormat | Unset = UNSET,
    sheet: str | Unset = UNSET,
    file_name: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_kind: str = kind
    params["kind"] = json_kind

    params["dry_run"] = dry_run

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode

    params["mode"] = json_mode

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params["sheet"] = sheet

    params["file_name"] = file_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports",
        "params": params,
    }

    if isinstance(body, list[CreateImportJsonBodyItem]):
        _kwargs["json"] = []
        for body_item_data in body:
            body_item = body_item_data.to_dict()
            _kwargs["json"].append(body_item)

        headers["Content-Type"] = "application/json"
    if isinstance(body, list[int]):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/x-ndjson"
    if isinstance(body, str):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportJobDto | Problem | None:
    if response.status_code == 202:
        response_202 = ImportJobDto.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[ImportJobDto | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: list[CreateImportJsonBodyItem] | list[int] | str | str | Unset = UNSET,
    kind: ImportKindParam,
    dry_run: bool | Unset = UNSET,
    mode: ImportMode | Unset = UNSET,
    format_: ImportFormat | Unset = UNSET,
    sheet: str | Unset = UNSET,
    file_name: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportJobDto | Problem]:
    """Starts an import: the body is the file (CSV, XLSX, JSON array or NDJSON).

     Starts an import of one kind of record from a file: CSV (UTF-8, UTF-8 with a byte-order mark, or
    UTF-16 as Excel saves "Unicode text"; comma, semicolon or tab), XLSX (the first sheet, or `sheet`),
    a JSON array of objects, or NDJSON. Columns are matched by their Vietnamese heading or English key,
    as the template (`GET /api/v1/imports/templates/{kind}.xlsx`) has them. The file is checked for its
    headings at once; its rows are checked and written by a job, whose state the `Location` gives. Each
    row's `external_id` identifies its record within its unit: importing the same file again changes
    nothing, and changed rows update their records.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.
        dry_run (bool | Unset):
        mode (ImportMode | Unset): `atomic`: every row is written, or none (one bad row fails the
            import). `per_row`: the
            valid rows are written and the others reported.
        format_ (ImportFormat | Unset): The format of an upload: by `format=`, else the `Content-
            Type`, else its first bytes.
        sheet (str | Unset):
        file_name (str | Unset):
        idempotency_key (str | Unset):
        body (list[CreateImportJsonBodyItem]):
        body (list[int]):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        kind=kind,
        dry_run=dry_run,
        mode=mode,
        format_=format_,
        sheet=sheet,
        file_name=file_name,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: list[CreateImportJsonBodyItem] | list[int] | str | str | Unset = UNSET,
    kind: ImportKindParam,
    dry_run: bool | Unset = UNSET,
    mode: ImportMode | Unset = UNSET,
    format_: ImportFormat | Unset = UNSET,
    sheet: str | Unset = UNSET,
    file_name: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ImportJobDto | Problem | None:
    """Starts an import: the body is the file (CSV, XLSX, JSON array or NDJSON).

     Starts an import of one kind of record from a file: CSV (UTF-8, UTF-8 with a byte-order mark, or
    UTF-16 as Excel saves "Unicode text"; comma, semicolon or tab), XLSX (the first sheet, or `sheet`),
    a JSON array of objects, or NDJSON. Columns are matched by their Vietnamese heading or English key,
    as the template (`GET /api/v1/imports/templates/{kind}.xlsx`) has them. The file is checked for its
    headings at once; its rows are checked and written by a job, whose state the `Location` gives. Each
    row's `external_id` identifies its record within its unit: importing the same file again changes
    nothing, and changed rows update their records.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.
        dry_run (bool | Unset):
        mode (ImportMode | Unset): `atomic`: every row is written, or none (one bad row fails the
            import). `per_row`: the
            valid rows are written and the others reported.
        format_ (ImportFormat | Unset): The format of an upload: by `format=`, else the `Content-
            Type`, else its first bytes.
        sheet (str | Unset):
        file_name (str | Unset):
        idempotency_key (str | Unset):
        body (list[CreateImportJsonBodyItem]):
        body (list[int]):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobDto | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        kind=kind,
        dry_run=dry_run,
        mode=mode,
        format_=format_,
        sheet=sheet,
        file_name=file_name,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: list[CreateImportJsonBodyItem] | list[int] | str | str | Unset = UNSET,
    kind: ImportKindParam,
    dry_run: bool | Unset = UNSET,
    mode: ImportMode | Unset = UNSET,
    format_: ImportFormat | Unset = UNSET,
    sheet: str | Unset = UNSET,
    file_name: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ImportJobDto | Problem]:
    """Starts an import: the body is the file (CSV, XLSX, JSON array or NDJSON).

     Starts an import of one kind of record from a file: CSV (UTF-8, UTF-8 with a byte-order mark, or
    UTF-16 as Excel saves "Unicode text"; comma, semicolon or tab), XLSX (the first sheet, or `sheet`),
    a JSON array of objects, or NDJSON. Columns are matched by their Vietnamese heading or English key,
    as the template (`GET /api/v1/imports/templates/{kind}.xlsx`) has them. The file is checked for its
    headings at once; its rows are checked and written by a job, whose state the `Location` gives. Each
    row's `external_id` identifies its record within its unit: importing the same file again changes
    nothing, and changed rows update their records.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.
        dry_run (bool | Unset):
        mode (ImportMode | Unset): `atomic`: every row is written, or none (one bad row fails the
            import). `per_row`: the
            valid rows are written and the others reported.
        format_ (ImportFormat | Unset): The format of an upload: by `format=`, else the `Content-
            Type`, else its first bytes.
        sheet (str | Unset):
        file_name (str | Unset):
        idempotency_key (str | Unset):
        body (list[CreateImportJsonBodyItem]):
        body (list[int]):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportJobDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        kind=kind,
        dry_run=dry_run,
        mode=mode,
        format_=format_,
        sheet=sheet,
        file_name=file_name,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: list[CreateImportJsonBodyItem] | list[int] | str | str | Unset = UNSET,
    kind: ImportKindParam,
    dry_run: bool | Unset = UNSET,
    mode: ImportMode | Unset = UNSET,
    format_: ImportFormat | Unset = UNSET,
    sheet: str | Unset = UNSET,
    file_name: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ImportJobDto | Problem | None:
    """Starts an import: the body is the file (CSV, XLSX, JSON array or NDJSON).

     Starts an import of one kind of record from a file: CSV (UTF-8, UTF-8 with a byte-order mark, or
    UTF-16 as Excel saves "Unicode text"; comma, semicolon or tab), XLSX (the first sheet, or `sheet`),
    a JSON array of objects, or NDJSON. Columns are matched by their Vietnamese heading or English key,
    as the template (`GET /api/v1/imports/templates/{kind}.xlsx`) has them. The file is checked for its
    headings at once; its rows are checked and written by a job, whose state the `Location` gives. Each
    row's `external_id` identifies its record within its unit: importing the same file again changes
    nothing, and changed rows update their records.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        kind (ImportKindParam): What an import brings in.
        dry_run (bool | Unset):
        mode (ImportMode | Unset): `atomic`: every row is written, or none (one bad row fails the
            import). `per_row`: the
            valid rows are written and the others reported.
        format_ (ImportFormat | Unset): The format of an upload: by `format=`, else the `Content-
            Type`, else its first bytes.
        sheet (str | Unset):
        file_name (str | Unset):
        idempotency_key (str | Unset):
        body (list[CreateImportJsonBodyItem]):
        body (list[int]):
        body (str):
        body (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportJobDto | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            kind=kind,
            dry_run=dry_run,
            mode=mode,
            format_=format_,
            sheet=sheet,
            file_name=file_name,
            idempotency_key=idempotency_key,
        )
    ).parsed

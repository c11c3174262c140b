import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.framework_page import FrameworkPage
from ...models.framework_status import FrameworkStatus
from ...models.model_kind import ModelKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    model_kind: ModelKind | Unset = UNSET,
    status: FrameworkStatus | Unset = UNSET,
    valid_on: datetime.date | Unset = UNSET,
    key: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    province_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_model_kind: str | Unset = UNSET
    if not isinstance(model_kind, Unset):
        json_model_kind = model_kind

    params["model_kind"] = json_model_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_valid_on: str | Unset = UNSET
    if not isinstance(valid_on, Unset):
        json_valid_on = valid_on.isoformat()
    params["valid_on"] = json_valid_on

    params["key"] = key

    params["template"] = template

    params["province_id"] = province_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/frameworks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FrameworkPage | Problem | None:
    if response.status_code == 200:
        response_200 = FrameworkPage.from_dict(response.json())

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
) -> Response[FrameworkPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    model_kind: ModelKind | Unset = UNSET,
    status: FrameworkStatus | Unset = UNSET,
    valid_on: datetime.date | Unset = UNSET,
    key: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    province_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[FrameworkPage | Problem]:
    """Lists framework versions (public: criteria are public law).

     Lists framework versions (public: criteria are public law).

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (FrameworkStatus | Unset): Life cycle of a framework version.
        valid_on (datetime.date | Unset):
        key (str | Unset):
        template (bool | Unset):
        province_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkPage | Problem]
    """

    kwargs = _get_kwargs(
        model_kind=model_kind,
        status=status,
        valid_on=valid_on,
        key=key,
        template=template,
        province_id=province_id,
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
    model_kind: ModelKind | Unset = UNSET,
    status: FrameworkStatus | Unset = UNSET,
    valid_on: datetime.date | Unset = UNSET,
    key: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    province_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> FrameworkPage | Problem | None:
    """Lists framework versions (public: criteria are public law).

     Lists framework versions (public: criteria are public law).

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (FrameworkStatus | Unset): Life cycle of a framework version.
        valid_on (datetime.date | Unset):
        key (str | Unset):
        template (bool | Unset):
        province_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkPage | Problem
    """

    return sync_detailed(
        client=client,
        model_kind=model_kind,
        status=status,
        valid_on=valid_on,
        key=key,
        template=template,
        province_id=province_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    model_kind: ModelKind | Unset = UNSET,
    status: FrameworkStatus | Unset = UNSET,
    valid_on: datetime.date | Unset = UNSET,
    key: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    province_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[FrameworkPage | Problem]:
    """Lists framework versions (public: criteria are public law).

     Lists framework versions (public: criteria are public law).

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (FrameworkStatus | Unset): Life cycle of a framework version.
        valid_on (datetime.date | Unset):
        key (str | Unset):
        template (bool | Unset):
        province_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FrameworkPage | Problem]
    """

    kwargs = _get_kwargs(
        model_kind=model_kind,
        status=status,
        valid_on=valid_on,
        key=key,
        template=template,
        province_id=province_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    model_kind: ModelKind | Unset = UNSET,
    status: FrameworkStatus | Unset = UNSET,
    valid_on: datetime.date | Unset = UNSET,
    key: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    province_id: int | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> FrameworkPage | Problem | None:
    """Lists framework versions (public: criteria are public law).

     Lists framework versions (public: criteria are public law).

    **Who may call it**: anyone (criteria are public law); a province's drafts only with a token of an
    account covering the province, and administrators.

    Args:
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (FrameworkStatus | Unset): Life cycle of a framework version.
        valid_on (datetime.date | Unset):
        key (str | Unset):
        template (bool | Unset):
        province_id (int | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FrameworkPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            model_kind=model_kind,
            status=status,
            valid_on=valid_on,
            key=key,
            template=template,
            province_id=province_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

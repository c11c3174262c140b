import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluation_page import EvaluationPage
from ...models.evaluation_status import EvaluationStatus
from ...models.model_kind import ModelKind
from ...models.problem import Problem
from ...models.subject_kind import SubjectKind
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    within: int | Unset = UNSET,
    year: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
    status: EvaluationStatus | Unset = UNSET,
    subject_type: SubjectKind | Unset = UNSET,
    subject_id: int | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["within"] = within

    params["year"] = year

    json_model_kind: str | Unset = UNSET
    if not isinstance(model_kind, Unset):
        json_model_kind = model_kind

    params["model_kind"] = json_model_kind

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status

    params["status"] = json_status

    json_subject_type: str | Unset = UNSET
    if not isinstance(subject_type, Unset):
        json_subject_type = subject_type

    params["subject_type"] = json_subject_type

    params["subject_id"] = subject_id

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/evaluations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvaluationPage | Problem | None:
    if response.status_code == 200:
        response_200 = EvaluationPage.from_dict(response.json())

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
) -> Response[EvaluationPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    within: int | Unset = UNSET,
    year: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
    status: EvaluationStatus | Unset = UNSET,
    subject_type: SubjectKind | Unset = UNSET,
    subject_id: int | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[EvaluationPage | Problem]:
    """Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

     Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        within (int | Unset):
        year (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (EvaluationStatus | Unset): Where an evaluation stands in the yearly workflow.
        subject_type (SubjectKind | Unset): What an evaluation is about.
        subject_id (int | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationPage | Problem]
    """

    kwargs = _get_kwargs(
        within=within,
        year=year,
        model_kind=model_kind,
        status=status,
        subject_type=subject_type,
        subject_id=subject_id,
        updated_since=updated_since,
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
    within: int | Unset = UNSET,
    year: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
    status: EvaluationStatus | Unset = UNSET,
    subject_type: SubjectKind | Unset = UNSET,
    subject_id: int | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> EvaluationPage | Problem | None:
    """Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

     Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        within (int | Unset):
        year (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (EvaluationStatus | Unset): Where an evaluation stands in the yearly workflow.
        subject_type (SubjectKind | Unset): What an evaluation is about.
        subject_id (int | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationPage | Problem
    """

    return sync_detailed(
        client=client,
        within=within,
        year=year,
        model_kind=model_kind,
        status=status,
        subject_type=subject_type,
        subject_id=subject_id,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    within: int | Unset = UNSET,
    year: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
    status: EvaluationStatus | Unset = UNSET,
    subject_type: SubjectKind | Unset = UNSET,
    subject_id: int | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[EvaluationPage | Problem]:
    """Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

     Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        within (int | Unset):
        year (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (EvaluationStatus | Unset): Where an evaluation stands in the yearly workflow.
        subject_type (SubjectKind | Unset): What an evaluation is about.
        subject_id (int | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationPage | Problem]
    """

    kwargs = _get_kwargs(
        within=within,
        year=year,
        model_kind=model_kind,
        status=status,
        subject_type=subject_type,
        subject_id=subject_id,
        updated_since=updated_since,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    within: int | Unset = UNSET,
    year: int | Unset = UNSET,
    model_kind: ModelKind | Unset = UNSET,
    status: EvaluationStatus | Unset = UNSET,
    subject_type: SubjectKind | Unset = UNSET,
    subject_id: int | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> EvaluationPage | Problem | None:
    """Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

     Lists the evaluations in the caller's units, each with its current score and the steps the
    caller may take.

    **Who may call it**: any signed-in account; it reads only what lies in the units it covers (and
    their history).

    Args:
        within (int | Unset):
        year (int | Unset):
        model_kind (ModelKind | Unset): The learning-society models ("mô hình học tập").
        status (EvaluationStatus | Unset): Where an evaluation stands in the yearly workflow.
        subject_type (SubjectKind | Unset): What an evaluation is about.
        subject_id (int | Unset):
        updated_since (datetime.datetime | Unset):
        limit (int | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            within=within,
            year=year,
            model_kind=model_kind,
            status=status,
            subject_type=subject_type,
            subject_id=subject_id,
            updated_since=updated_since,
            limit=limit,
            cursor=cursor,
        )
    ).parsed

from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.answers_request import AnswersRequest
from ...models.evaluation_dto import EvaluationDto
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: AnswersRequest,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/evaluations/{id}/inspection".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvaluationDto | Problem | None:
    if response.status_code == 200:
        response_200 = EvaluationDto.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EvaluationDto | Problem]:
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
    body: AnswersRequest,
    if_match: str,
) -> Response[EvaluationDto | Problem]:
    """Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

     Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

    **Who may call it**: the workflow step `inspect`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `inspector`, on evaluations in the units the account covers.

    Args:
        id (int):
        if_match (str):
        body (AnswersRequest):  Example: {'answers': {'TC1.CT1': {'yes_no': True}, 'TC2.CT1':
            {'percentage': 95}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AnswersRequest,
    if_match: str,
) -> EvaluationDto | Problem | None:
    """Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

     Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

    **Who may call it**: the workflow step `inspect`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `inspector`, on evaluations in the units the account covers.

    Args:
        id (int):
        if_match (str):
        body (AnswersRequest):  Example: {'answers': {'TC1.CT1': {'yes_no': True}, 'TC2.CT1':
            {'percentage': 95}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationDto | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AnswersRequest,
    if_match: str,
) -> Response[EvaluationDto | Problem]:
    """Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

     Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

    **Who may call it**: the workflow step `inspect`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `inspector`, on evaluations in the units the account covers.

    Args:
        id (int):
        if_match (str):
        body (AnswersRequest):  Example: {'answers': {'TC1.CT1': {'yes_no': True}, 'TC2.CT1':
            {'percentage': 95}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationDto | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: int,
    *,
    client: AuthenticatedClient,
    body: AnswersRequest,
    if_match: str,
) -> EvaluationDto | Problem | None:
    """Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

     Records the inspection team's answers beside the self-assessment; differences are listed in
    the answer. Needs `If-Match`: two inspectors cannot overwrite each other.

    **Who may call it**: the workflow step `inspect`, from `submitted` or `inspected`: `admin`;
    `provincial_officer`; `inspector`, on evaluations in the units the account covers.

    Args:
        id (int):
        if_match (str):
        body (AnswersRequest):  Example: {'answers': {'TC1.CT1': {'yes_no': True}, 'TC2.CT1':
            {'percentage': 95}}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationDto | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed

from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluation_dto import EvaluationDto
from ...models.problem import Problem
from ...models.registration_request_type_0 import RegistrationRequestType0
from ...models.registration_request_type_1 import RegistrationRequestType1
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RegistrationRequestType0 | RegistrationRequestType1,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/evaluations",
    }

    if isinstance(body, RegistrationRequestType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvaluationDto | Problem | None:
    if response.status_code == 201:
        response_201 = EvaluationDto.from_dict(response.json())

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
    *,
    client: AuthenticatedClient,
    body: RegistrationRequestType0 | RegistrationRequestType1,
    idempotency_key: str | Unset = UNSET,
) -> Response[EvaluationDto | Problem]:
    """Registers a subject for a model and year, pinned to a framework version.

     Registers a subject for a model and year, pinned to a framework version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (RegistrationRequestType0 | RegistrationRequestType1): Registers a subject for a
            model and year (đăng ký). Example: {'subject_type': 'household', 'subject_id': 1,
            'framework_id': 12, 'year': 2026}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RegistrationRequestType0 | RegistrationRequestType1,
    idempotency_key: str | Unset = UNSET,
) -> EvaluationDto | Problem | None:
    """Registers a subject for a model and year, pinned to a framework version.

     Registers a subject for a model and year, pinned to a framework version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (RegistrationRequestType0 | RegistrationRequestType1): Registers a subject for a
            model and year (đăng ký). Example: {'subject_type': 'household', 'subject_id': 1,
            'framework_id': 12, 'year': 2026}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationDto | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RegistrationRequestType0 | RegistrationRequestType1,
    idempotency_key: str | Unset = UNSET,
) -> Response[EvaluationDto | Problem]:
    """Registers a subject for a model and year, pinned to a framework version.

     Registers a subject for a model and year, pinned to a framework version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (RegistrationRequestType0 | RegistrationRequestType1): Registers a subject for a
            model and year (đăng ký). Example: {'subject_type': 'household', 'subject_id': 1,
            'framework_id': 12, 'year': 2026}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationDto | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RegistrationRequestType0 | RegistrationRequestType1,
    idempotency_key: str | Unset = UNSET,
) -> EvaluationDto | Problem | None:
    """Registers a subject for a model and year, pinned to a framework version.

     Registers a subject for a model and year, pinned to a framework version.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        idempotency_key (str | Unset):
        body (RegistrationRequestType0 | RegistrationRequestType1): Registers a subject for a
            model and year (đăng ký). Example: {'subject_type': 'household', 'subject_id': 1,
            'framework_id': 12, 'year': 2026}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationDto | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed

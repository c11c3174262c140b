from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.drive_registration_request import DriveRegistrationRequest
from ...models.drive_registration_result import DriveRegistrationResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: int,
    *,
    body: DriveRegistrationRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/drives/{id}/registrations".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DriveRegistrationResult | Problem | None:
    if response.status_code == 200:
        response_200 = DriveRegistrationResult.from_dict(response.json())

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
) -> Response[DriveRegistrationResult | Problem]:
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
    body: DriveRegistrationRequest,
) -> Response[DriveRegistrationResult | Problem]:
    """Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

     Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (DriveRegistrationRequest): Registers many subjects at once: those named, and every
            eligible one filed in a unit (all
            households of a village, say); with neither, every subject the drive asks. Example:
            {'model_kind': 'gia_dinh_hoc_tap', 'unit_id': 20011}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriveRegistrationResult | Problem]
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
    body: DriveRegistrationRequest,
) -> DriveRegistrationResult | Problem | None:
    """Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

     Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (DriveRegistrationRequest): Registers many subjects at once: those named, and every
            eligible one filed in a unit (all
            households of a village, say); with neither, every subject the drive asks. Example:
            {'model_kind': 'gia_dinh_hoc_tap', 'unit_id': 20011}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriveRegistrationResult | Problem
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
    body: DriveRegistrationRequest,
) -> Response[DriveRegistrationResult | Problem]:
    """Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

     Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (DriveRegistrationRequest): Registers many subjects at once: those named, and every
            eligible one filed in a unit (all
            households of a village, say); with neither, every subject the drive asks. Example:
            {'model_kind': 'gia_dinh_hoc_tap', 'unit_id': 20011}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DriveRegistrationResult | Problem]
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
    body: DriveRegistrationRequest,
) -> DriveRegistrationResult | Problem | None:
    """Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

     Registers many subjects for one of the drive's models in one call: those named, and every
    eligible one filed in a unit (with neither, every subject the drive asks). Each gets its evaluation
    for the drive's year under the
    framework that applies where it is; subjects registered already are listed, not
    registered twice, so the call is safe to repeat. All or nothing.

    **Who may call it**: `admin`, `provincial_officer`, `commune_officer`, `association_officer`, on the
    units the account covers (administrators nationwide).

    Args:
        id (int):
        body (DriveRegistrationRequest): Registers many subjects at once: those named, and every
            eligible one filed in a unit (all
            households of a village, say); with neither, every subject the drive asks. Example:
            {'model_kind': 'gia_dinh_hoc_tap', 'unit_id': 20011}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DriveRegistrationResult | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed

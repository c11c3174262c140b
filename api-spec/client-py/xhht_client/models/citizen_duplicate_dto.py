from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.duplicate_status import DuplicateStatus, check_duplicate_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="CitizenDuplicateDto")


@_attrs_define
class CitizenDuplicateDto:
    """Two citizens with one national ID: the second was registered by an officer who could not
    see the first, and was not told of it. Shown only to officers whose units cover both.

        Attributes:
            id (int):
            citizen_id (int): The citizen registered second.
            twin_id (int): The citizen that had the national ID first.
            flagged_at (datetime.datetime):
            status (DuplicateStatus): Where a possible duplicate stands.
            resolved_at (datetime.datetime | None | Unset):
    """

    id: int
    citizen_id: int
    twin_id: int
    flagged_at: datetime.datetime
    status: DuplicateStatus
    resolved_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        citizen_id = self.citizen_id

        twin_id = self.twin_id

        flagged_at = self.flagged_at.isoformat()

        status: str = self.status

        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        elif isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "citizen_id": citizen_id,
                "twin_id": twin_id,
                "flagged_at": flagged_at,
                "status": status,
            }
        )
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        citizen_id = d.pop("citizen_id")

        twin_id = d.pop("twin_id")

        flagged_at = datetime.datetime.fromisoformat(d.pop("flagged_at"))

        status = check_duplicate_status(d.pop("status"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))

        citizen_duplicate_dto = cls(
            id=id,
            citizen_id=citizen_id,
            twin_id=twin_id,
            flagged_at=flagged_at,
            status=status,
            resolved_at=resolved_at,
        )

        citizen_duplicate_dto.additional_properties = d
        return citizen_duplicate_dto

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

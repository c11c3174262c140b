from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.confidence import Confidence, check_confidence
from ..types import UNSET, Unset

T = TypeVar("T", bound="RoleAssignment")


@_attrs_define
class RoleAssignment:
    """A role (applicant or recogniser) for a period. The 2025 reform ended several roles
    without a known successor, so the role itself may be unknown.

        Attributes:
            confidence (Confidence): How sure a fact is, after the tags of the research file.
            role_vi (None | str | Unset): The role, e.g. "Chủ tịch UBND cấp huyện"; `None` when not found.
            valid_from (datetime.date | None | Unset):
            valid_to (datetime.date | None | Unset):
            note_vi (None | str | Unset):
    """

    confidence: Confidence
    role_vi: None | str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    note_vi: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        confidence: str = self.confidence

        role_vi: None | str | Unset
        if isinstance(self.role_vi, Unset):
            role_vi = UNSET
        else:
            role_vi = self.role_vi

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        note_vi: None | str | Unset
        if isinstance(self.note_vi, Unset):
            note_vi = UNSET
        else:
            note_vi = self.note_vi

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confidence": confidence,
            }
        )
        if role_vi is not UNSET:
            field_dict["role_vi"] = role_vi
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if note_vi is not UNSET:
            field_dict["note_vi"] = note_vi

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confidence = check_confidence(d.pop("confidence"))

        def _parse_role_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        role_vi = _parse_role_vi(d.pop("role_vi", UNSET))

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        def _parse_note_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note_vi = _parse_note_vi(d.pop("note_vi", UNSET))

        role_assignment = cls(
            confidence=confidence,
            role_vi=role_vi,
            valid_from=valid_from,
            valid_to=valid_to,
            note_vi=note_vi,
        )

        return role_assignment

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationRequest")


@_attrs_define
class RegistrationRequest:
    """Registers a subject for a model and year (đăng ký).

    Example:
        {'subject_type': 'household', 'subject_id': 1, 'framework_id': 12, 'year': 2026}

    Attributes:
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        framework_id (int): The framework version to use (not retired).
        year (int):
        requested_level (None | str | Unset): The level the subject asks for (e.g. `muc_do_2`); by default the level it
            reaches.
    """

    subject_type: SubjectKind
    subject_id: int
    framework_id: int
    year: int
    requested_level: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject_type: str = self.subject_type

        subject_id = self.subject_id

        framework_id = self.framework_id

        year = self.year

        requested_level: None | str | Unset
        if isinstance(self.requested_level, Unset):
            requested_level = UNSET
        else:
            requested_level = self.requested_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_type": subject_type,
                "subject_id": subject_id,
                "framework_id": framework_id,
                "year": year,
            }
        )
        if requested_level is not UNSET:
            field_dict["requested_level"] = requested_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        framework_id = d.pop("framework_id")

        year = d.pop("year")

        def _parse_requested_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_level = _parse_requested_level(d.pop("requested_level", UNSET))

        registration_request = cls(
            subject_type=subject_type,
            subject_id=subject_id,
            framework_id=framework_id,
            year=year,
            requested_level=requested_level,
        )

        return registration_request

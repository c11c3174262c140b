from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subject_kind import SubjectKind, check_subject_kind

T = TypeVar("T", bound="UnregisteredSubject")


@_attrs_define
class UnregisteredSubject:
    """A subject a drive still waits for.

    Attributes:
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        name (str):
        unit_id (int):
        unit_name (str):
    """

    subject_type: SubjectKind
    subject_id: int
    name: str
    unit_id: int
    unit_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        subject_type: str = self.subject_type

        subject_id = self.subject_id

        name = self.name

        unit_id = self.unit_id

        unit_name = self.unit_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject_type": subject_type,
                "subject_id": subject_id,
                "name": name,
                "unit_id": unit_id,
                "unit_name": unit_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        name = d.pop("name")

        unit_id = d.pop("unit_id")

        unit_name = d.pop("unit_name")

        unregistered_subject = cls(
            subject_type=subject_type,
            subject_id=subject_id,
            name=name,
            unit_id=unit_id,
            unit_name=unit_name,
        )

        unregistered_subject.additional_properties = d
        return unregistered_subject

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

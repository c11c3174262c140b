from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.subject_kind import SubjectKind, check_subject_kind

T = TypeVar("T", bound="Recipient")


@_attrs_define
class Recipient:
    """A recipient of an award.

    Attributes:
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
    """

    subject_type: SubjectKind
    subject_id: int

    def to_dict(self) -> dict[str, Any]:
        subject_type: str = self.subject_type

        subject_id = self.subject_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_type": subject_type,
                "subject_id": subject_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        recipient = cls(
            subject_type=subject_type,
            subject_id=subject_id,
        )

        return recipient

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="MergeRequest")


@_attrs_define
class MergeRequest:
    """Which of the two records to keep; the other is deleted.

    Example:
        {'keep_citizen_id': 1}

    Attributes:
        keep_citizen_id (int):
    """

    keep_citizen_id: int

    def to_dict(self) -> dict[str, Any]:
        keep_citizen_id = self.keep_citizen_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keep_citizen_id": keep_citizen_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        keep_citizen_id = d.pop("keep_citizen_id")

        merge_request = cls(
            keep_citizen_id=keep_citizen_id,
        )

        return merge_request

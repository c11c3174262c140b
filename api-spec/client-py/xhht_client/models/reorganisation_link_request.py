from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReorganisationLinkRequest")


@_attrs_define
class ReorganisationLinkRequest:
    """One lineage edge: `source_id` (partly, when `partial`) went into `targets[target_index]`.

    Attributes:
        source_id (int):
        target_index (int):
        partial (bool | Unset):
    """

    source_id: int
    target_index: int
    partial: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source_id = self.source_id

        target_index = self.target_index

        partial = self.partial

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source_id": source_id,
                "target_index": target_index,
            }
        )
        if partial is not UNSET:
            field_dict["partial"] = partial

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source_id = d.pop("source_id")

        target_index = d.pop("target_index")

        partial = d.pop("partial", UNSET)

        reorganisation_link_request = cls(
            source_id=source_id,
            target_index=target_index,
            partial=partial,
        )

        return reorganisation_link_request

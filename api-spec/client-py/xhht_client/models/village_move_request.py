from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VillageMoveRequest")


@_attrs_define
class VillageMoveRequest:
    """A village of a source commune that goes to `targets[target_index]`.

    Attributes:
        village_id (int):
        target_index (int):
    """

    village_id: int
    target_index: int

    def to_dict(self) -> dict[str, Any]:
        village_id = self.village_id

        target_index = self.target_index

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "village_id": village_id,
                "target_index": target_index,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        village_id = d.pop("village_id")

        target_index = d.pop("target_index")

        village_move_request = cls(
            village_id=village_id,
            target_index=target_index,
        )

        return village_move_request

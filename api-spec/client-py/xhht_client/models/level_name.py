from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="LevelName")


@_attrs_define
class LevelName:
    """A result level by name.

    Attributes:
        id (str):
        name_vi (str):
    """

    id: str
    name_vi: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        level_name = cls(
            id=id,
            name_vi=name_vi,
        )

        return level_name

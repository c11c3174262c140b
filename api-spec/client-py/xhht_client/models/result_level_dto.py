from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResultLevelDto")


@_attrs_define
class ResultLevelDto:
    """A result level of a framework.

    Attributes:
        id (str): The level's id in the framework, e.g. `muc_do_1`, `tot`, `khong_dat`.
        name_vi (str):
        rank (int): 0 for the fail level, then upwards.
    """

    id: str
    name_vi: str
    rank: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        rank = self.rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
                "rank": rank,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        rank = d.pop("rank")

        result_level_dto = cls(
            id=id,
            name_vi=name_vi,
            rank=rank,
        )

        result_level_dto.additional_properties = d
        return result_level_dto

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

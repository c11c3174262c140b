from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReorganisationLink")


@_attrs_define
class ReorganisationLink:
    """
    Attributes:
        predecessor_id (int):
        successor_id (int):
        partial (bool): Only part of the predecessor went to this successor.
    """

    predecessor_id: int
    successor_id: int
    partial: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        predecessor_id = self.predecessor_id

        successor_id = self.successor_id

        partial = self.partial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "predecessor_id": predecessor_id,
                "successor_id": successor_id,
                "partial": partial,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        predecessor_id = d.pop("predecessor_id")

        successor_id = d.pop("successor_id")

        partial = d.pop("partial")

        reorganisation_link = cls(
            predecessor_id=predecessor_id,
            successor_id=successor_id,
            partial=partial,
        )

        reorganisation_link.additional_properties = d
        return reorganisation_link

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

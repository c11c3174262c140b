from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_type_1_kind import MeasureType1Kind, check_measure_type_1_kind

T = TypeVar("T", bound="MeasureType1")


@_attrs_define
class MeasureType1:
    """Points from 0 to `max`, in points frameworks.

    Attributes:
        max_ (float):
        kind (MeasureType1Kind):
    """

    max_: float
    kind: MeasureType1Kind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_ = self.max_

        kind: str = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max": max_,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_ = d.pop("max")

        kind = check_measure_type_1_kind(d.pop("kind"))

        measure_type_1 = cls(
            max_=max_,
            kind=kind,
        )

        measure_type_1.additional_properties = d
        return measure_type_1

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.declared_measure import DeclaredMeasure, check_declared_measure

T = TypeVar("T", bound="DeclaredIndicator")


@_attrs_define
class DeclaredIndicator:
    """One declared indicator of the catalogue.

    Attributes:
        key (str):
        label_vi (str):
        label_en (str):
        measure (DeclaredMeasure): What a declared figure counts.
        version (int):
    """

    key: str
    label_vi: str
    label_en: str
    measure: DeclaredMeasure
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label_vi = self.label_vi

        label_en = self.label_en

        measure: str = self.measure

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label_vi": label_vi,
                "label_en": label_en,
                "measure": measure,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        label_vi = d.pop("label_vi")

        label_en = d.pop("label_en")

        measure = check_declared_measure(d.pop("measure"))

        version = d.pop("version")

        declared_indicator = cls(
            key=key,
            label_vi=label_vi,
            label_en=label_en,
            measure=measure,
            version=version,
        )

        declared_indicator.additional_properties = d
        return declared_indicator

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

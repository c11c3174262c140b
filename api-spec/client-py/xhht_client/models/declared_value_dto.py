from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeclaredValueDto")


@_attrs_define
class DeclaredValueDto:
    """
    Attributes:
        id (int):
        unit_id (int):
        year (int):
        indicator (str):
        value (float):
        source (str):
        version (int):
        updated_at (datetime.datetime):
    """

    id: int
    unit_id: int
    year: int
    indicator: str
    value: float
    source: str
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        unit_id = self.unit_id

        year = self.year

        indicator = self.indicator

        value = self.value

        source = self.source

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "unit_id": unit_id,
                "year": year,
                "indicator": indicator,
                "value": value,
                "source": source,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        unit_id = d.pop("unit_id")

        year = d.pop("year")

        indicator = d.pop("indicator")

        value = d.pop("value")

        source = d.pop("source")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        declared_value_dto = cls(
            id=id,
            unit_id=unit_id,
            year=year,
            indicator=indicator,
            value=value,
            source=source,
            version=version,
            updated_at=updated_at,
        )

        declared_value_dto.additional_properties = d
        return declared_value_dto

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

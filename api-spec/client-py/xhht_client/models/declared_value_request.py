from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.declared_value_request_indicator import (
    DeclaredValueRequestIndicator,
    check_declared_value_request_indicator,
)

T = TypeVar("T", bound="DeclaredValueRequest")


@_attrs_define
class DeclaredValueRequest:
    """Declares a figure for a unit and year (or declares it anew: the value is replaced, the
    change audited).

        Example:
            {'unit_id': 10845, 'year': 2026, 'indicator': 'association_members', 'value': 1250, 'source': 'Báo cáo số 12/BC-
                HKH ngày 15/12/2026 của Hội Khuyến học phường'}

        Attributes:
            unit_id (int):
            year (int):
            indicator (DeclaredValueRequestIndicator): A key of the catalogue (`GET /api/v1/declared-indicators`).
            value (float):
            source (str): Where the figure comes from: a report, its number and date.
    """

    unit_id: int
    year: int
    indicator: DeclaredValueRequestIndicator
    value: float
    source: str

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        year = self.year

        indicator: str = self.indicator

        value = self.value

        source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_id": unit_id,
                "year": year,
                "indicator": indicator,
                "value": value,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = d.pop("unit_id")

        year = d.pop("year")

        indicator = check_declared_value_request_indicator(d.pop("indicator"))

        value = d.pop("value")

        source = d.pop("source")

        declared_value_request = cls(
            unit_id=unit_id,
            year=year,
            indicator=indicator,
            value=value,
            source=source,
        )

        return declared_value_request

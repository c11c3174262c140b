from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.boundaries_dto import BoundariesDto, check_boundaries_dto
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_unit import ReportUnit
    from ..models.trend_section import TrendSection


T = TypeVar("T", bound="TrendReport")


@_attrs_define
class TrendReport:
    """The same figures across years, for a line chart.

    Attributes:
        first_year (int):
        last_year (int):
        boundaries (BoundariesDto): Which map the report is drawn on.
        generated_at (datetime.datetime):
        sections (list[TrendSection]):
        unit (None | ReportUnit | Unset):
    """

    first_year: int
    last_year: int
    boundaries: BoundariesDto
    generated_at: datetime.datetime
    sections: list[TrendSection]
    unit: None | ReportUnit | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        first_year = self.first_year

        last_year = self.last_year

        boundaries: str = self.boundaries

        generated_at = self.generated_at.isoformat()

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        unit: dict[str, Any] | None | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, ReportUnit):
            unit = self.unit.to_dict()
        else:
            unit = self.unit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "first_year": first_year,
                "last_year": last_year,
                "boundaries": boundaries,
                "generated_at": generated_at,
                "sections": sections,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415
        from ..models.trend_section import TrendSection  # noqa: PLC0415

        d = dict(src_dict)
        first_year = d.pop("first_year")

        last_year = d.pop("last_year")

        boundaries = check_boundaries_dto(d.pop("boundaries"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = TrendSection.from_dict(sections_item_data)

            sections.append(sections_item)

        def _parse_unit(data: object) -> None | ReportUnit | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unit_type_0 = ReportUnit.from_dict(data)

                return unit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportUnit | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))

        trend_report = cls(
            first_year=first_year,
            last_year=last_year,
            boundaries=boundaries,
            generated_at=generated_at,
            sections=sections,
            unit=unit,
        )

        trend_report.additional_properties = d
        return trend_report

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

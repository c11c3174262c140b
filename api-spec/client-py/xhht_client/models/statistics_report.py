from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.boundaries_dto import BoundariesDto, check_boundaries_dto
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.award_count import AwardCount
    from ..models.declared_figure import DeclaredFigure
    from ..models.drive_statistic import DriveStatistic
    from ..models.registry_figure import RegistryFigure
    from ..models.report_section import ReportSection
    from ..models.report_unit import ReportUnit


T = TypeVar("T", bound="StatisticsReport")


@_attrs_define
class StatisticsReport:
    """Figures for a unit's subtree and a year, by model, against the targets.

    Attributes:
        year (int):
        boundaries (BoundariesDto): Which map the report is drawn on.
        as_of (datetime.date): The day of the map the rows are drawn on.
        on (datetime.date): The day recognitions are held on (`held`).
        generated_at (datetime.datetime):
        sections (list[ReportSection]):
        registry (list[RegistryFigure]):
        declared (list[DeclaredFigure]):
        drives (list[DriveStatistic]): The year's registration drives in the unit's subtree, each model's totals:
            eligible,
            registered (through the drive or otherwise), recognised, against the drive's target.
        awards (list[AwardCount]): Awards decided in the year to subjects in the unit's subtree, by kind.
        unit (None | ReportUnit | Unset):
    """

    year: int
    boundaries: BoundariesDto
    as_of: datetime.date
    on: datetime.date
    generated_at: datetime.datetime
    sections: list[ReportSection]
    registry: list[RegistryFigure]
    declared: list[DeclaredFigure]
    drives: list[DriveStatistic]
    awards: list[AwardCount]
    unit: None | ReportUnit | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        year = self.year

        boundaries: str = self.boundaries

        as_of = self.as_of.isoformat()

        on = self.on.isoformat()

        generated_at = self.generated_at.isoformat()

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        registry = []
        for registry_item_data in self.registry:
            registry_item = registry_item_data.to_dict()
            registry.append(registry_item)

        declared = []
        for declared_item_data in self.declared:
            declared_item = declared_item_data.to_dict()
            declared.append(declared_item)

        drives = []
        for drives_item_data in self.drives:
            drives_item = drives_item_data.to_dict()
            drives.append(drives_item)

        awards = []
        for awards_item_data in self.awards:
            awards_item = awards_item_data.to_dict()
            awards.append(awards_item)

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
                "year": year,
                "boundaries": boundaries,
                "as_of": as_of,
                "on": on,
                "generated_at": generated_at,
                "sections": sections,
                "registry": registry,
                "declared": declared,
                "drives": drives,
                "awards": awards,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.award_count import AwardCount  # noqa: PLC0415
        from ..models.declared_figure import DeclaredFigure  # noqa: PLC0415
        from ..models.drive_statistic import DriveStatistic  # noqa: PLC0415
        from ..models.registry_figure import RegistryFigure  # noqa: PLC0415
        from ..models.report_section import ReportSection  # noqa: PLC0415
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        boundaries = check_boundaries_dto(d.pop("boundaries"))

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        on = datetime.date.fromisoformat(d.pop("on"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = ReportSection.from_dict(sections_item_data)

            sections.append(sections_item)

        registry = []
        _registry = d.pop("registry")
        for registry_item_data in _registry:
            registry_item = RegistryFigure.from_dict(registry_item_data)

            registry.append(registry_item)

        declared = []
        _declared = d.pop("declared")
        for declared_item_data in _declared:
            declared_item = DeclaredFigure.from_dict(declared_item_data)

            declared.append(declared_item)

        drives = []
        _drives = d.pop("drives")
        for drives_item_data in _drives:
            drives_item = DriveStatistic.from_dict(drives_item_data)

            drives.append(drives_item)

        awards = []
        _awards = d.pop("awards")
        for awards_item_data in _awards:
            awards_item = AwardCount.from_dict(awards_item_data)

            awards.append(awards_item)

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

        statistics_report = cls(
            year=year,
            boundaries=boundaries,
            as_of=as_of,
            on=on,
            generated_at=generated_at,
            sections=sections,
            registry=registry,
            declared=declared,
            drives=drives,
            awards=awards,
            unit=unit,
        )

        statistics_report.additional_properties = d
        return statistics_report

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

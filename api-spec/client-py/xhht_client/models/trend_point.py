from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.applied_target import AppliedTarget
    from ..models.report_unit import ReportUnit


T = TypeVar("T", bound="TrendPoint")


@_attrs_define
class TrendPoint:
    """One model's totals for one year.

    Attributes:
        direct (bool): What the report's unit holds outside every row: records filed at the unit itself, or
            under units not in force on the report's day.
        registered (int):
        submitted (int):
        inspected (int):
        recognised (int): Recognised for the year (and not revoked).
        level1 (int): Recognised at level 1, 2, and 3 or above (bands of points frameworks count from the
            lowest passing one).
        level2 (int):
        level3 (int):
        rejected (int):
        revoked (int):
        held (int): Recognitions of any year held on the report's `on` day (decided by then, kept until then).
        approximate (int): Records counted here through a partial succession that no village resolved.
        year (int):
        unit (None | ReportUnit | Unset):
        denominator (int | None | Unset): What the share divides by; null where the registries know no such subjects.
        share (float | None | Unset): `recognised` / `denominator`, percent, one decimal.
        target (AppliedTarget | None | Unset):
        gap (float | None | Unset): Target minus share, percentage points: how far short the row is (negative when
            ahead).
        met (bool | None | Unset):
    """

    direct: bool
    registered: int
    submitted: int
    inspected: int
    recognised: int
    level1: int
    level2: int
    level3: int
    rejected: int
    revoked: int
    held: int
    approximate: int
    year: int
    unit: None | ReportUnit | Unset = UNSET
    denominator: int | None | Unset = UNSET
    share: float | None | Unset = UNSET
    target: AppliedTarget | None | Unset = UNSET
    gap: float | None | Unset = UNSET
    met: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.applied_target import AppliedTarget  # noqa: PLC0415
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        direct = self.direct

        registered = self.registered

        submitted = self.submitted

        inspected = self.inspected

        recognised = self.recognised

        level1 = self.level1

        level2 = self.level2

        level3 = self.level3

        rejected = self.rejected

        revoked = self.revoked

        held = self.held

        approximate = self.approximate

        year = self.year

        unit: dict[str, Any] | None | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, ReportUnit):
            unit = self.unit.to_dict()
        else:
            unit = self.unit

        denominator: int | None | Unset
        if isinstance(self.denominator, Unset):
            denominator = UNSET
        else:
            denominator = self.denominator

        share: float | None | Unset
        if isinstance(self.share, Unset):
            share = UNSET
        else:
            share = self.share

        target: dict[str, Any] | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, AppliedTarget):
            target = self.target.to_dict()
        else:
            target = self.target

        gap: float | None | Unset
        if isinstance(self.gap, Unset):
            gap = UNSET
        else:
            gap = self.gap

        met: bool | None | Unset
        if isinstance(self.met, Unset):
            met = UNSET
        else:
            met = self.met

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "direct": direct,
                "registered": registered,
                "submitted": submitted,
                "inspected": inspected,
                "recognised": recognised,
                "level1": level1,
                "level2": level2,
                "level3": level3,
                "rejected": rejected,
                "revoked": revoked,
                "held": held,
                "approximate": approximate,
                "year": year,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit
        if denominator is not UNSET:
            field_dict["denominator"] = denominator
        if share is not UNSET:
            field_dict["share"] = share
        if target is not UNSET:
            field_dict["target"] = target
        if gap is not UNSET:
            field_dict["gap"] = gap
        if met is not UNSET:
            field_dict["met"] = met

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.applied_target import AppliedTarget  # noqa: PLC0415
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        d = dict(src_dict)
        direct = d.pop("direct")

        registered = d.pop("registered")

        submitted = d.pop("submitted")

        inspected = d.pop("inspected")

        recognised = d.pop("recognised")

        level1 = d.pop("level1")

        level2 = d.pop("level2")

        level3 = d.pop("level3")

        rejected = d.pop("rejected")

        revoked = d.pop("revoked")

        held = d.pop("held")

        approximate = d.pop("approximate")

        year = d.pop("year")

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

        def _parse_denominator(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        denominator = _parse_denominator(d.pop("denominator", UNSET))

        def _parse_share(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        share = _parse_share(d.pop("share", UNSET))

        def _parse_target(data: object) -> AppliedTarget | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = AppliedTarget.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AppliedTarget | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        def _parse_gap(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        gap = _parse_gap(d.pop("gap", UNSET))

        def _parse_met(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        met = _parse_met(d.pop("met", UNSET))

        trend_point = cls(
            direct=direct,
            registered=registered,
            submitted=submitted,
            inspected=inspected,
            recognised=recognised,
            level1=level1,
            level2=level2,
            level3=level3,
            rejected=rejected,
            revoked=revoked,
            held=held,
            approximate=approximate,
            year=year,
            unit=unit,
            denominator=denominator,
            share=share,
            target=target,
            gap=gap,
            met=met,
        )

        trend_point.additional_properties = d
        return trend_point

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_unit import ReportUnit


T = TypeVar("T", bound="DeclaredRow")


@_attrs_define
class DeclaredRow:
    """
    Attributes:
        unit (None | ReportUnit | Unset):
        value (float | None | Unset):
        share_of_population (float | None | Unset): For association members: the share of the population, percent.
    """

    unit: None | ReportUnit | Unset = UNSET
    value: float | None | Unset = UNSET
    share_of_population: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        unit: dict[str, Any] | None | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        elif isinstance(self.unit, ReportUnit):
            unit = self.unit.to_dict()
        else:
            unit = self.unit

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        share_of_population: float | None | Unset
        if isinstance(self.share_of_population, Unset):
            share_of_population = UNSET
        else:
            share_of_population = self.share_of_population

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if unit is not UNSET:
            field_dict["unit"] = unit
        if value is not UNSET:
            field_dict["value"] = value
        if share_of_population is not UNSET:
            field_dict["share_of_population"] = share_of_population

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        d = dict(src_dict)

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

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_share_of_population(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        share_of_population = _parse_share_of_population(d.pop("share_of_population", UNSET))

        declared_row = cls(
            unit=unit,
            value=value,
            share_of_population=share_of_population,
        )

        declared_row.additional_properties = d
        return declared_row

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

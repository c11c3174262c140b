from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_unit import ReportUnit


T = TypeVar("T", bound="RegistryRow")


@_attrs_define
class RegistryRow:
    """
    Attributes:
        direct (bool):
        records (int):
        unit (None | ReportUnit | Unset):
    """

    direct: bool
    records: int
    unit: None | ReportUnit | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        direct = self.direct

        records = self.records

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
                "direct": direct,
                "records": records,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_unit import ReportUnit  # noqa: PLC0415

        d = dict(src_dict)
        direct = d.pop("direct")

        records = d.pop("records")

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

        registry_row = cls(
            direct=direct,
            records=records,
            unit=unit,
        )

        registry_row.additional_properties = d
        return registry_row

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_type_4_kind import MeasureType4Kind, check_measure_type_4_kind

if TYPE_CHECKING:
    from ..models.level_thresholds_string import LevelThresholdsString


T = TypeVar("T", bound="MeasureType4")


@_attrs_define
class MeasureType4:
    """One value of an ordered list, lowest first.

    Attributes:
        values (list[str]):
        min_ (LevelThresholdsString): A threshold per recognition level; `None` is a threshold that is not known.
        kind (MeasureType4Kind):
    """

    values: list[str]
    min_: LevelThresholdsString
    kind: MeasureType4Kind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        values = self.values

        min_ = self.min_.to_dict()

        kind: str = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "values": values,
                "min": min_,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_thresholds_string import LevelThresholdsString  # noqa: PLC0415

        d = dict(src_dict)
        values = cast(list[str], d.pop("values"))

        min_ = LevelThresholdsString.from_dict(d.pop("min"))

        kind = check_measure_type_4_kind(d.pop("kind"))

        measure_type_4 = cls(
            values=values,
            min_=min_,
            kind=kind,
        )

        measure_type_4.additional_properties = d
        return measure_type_4

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

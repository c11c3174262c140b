from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_type_3_kind import MeasureType3Kind, check_measure_type_3_kind

if TYPE_CHECKING:
    from ..models.level_thresholds_u64 import LevelThresholdsU64


T = TypeVar("T", bound="MeasureType3")


@_attrs_define
class MeasureType3:
    """A whole number.

    Attributes:
        min_ (LevelThresholdsU64): A threshold per recognition level; `None` is a threshold that is not known.
        kind (MeasureType3Kind):
    """

    min_: LevelThresholdsU64
    kind: MeasureType3Kind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        min_ = self.min_.to_dict()

        kind: str = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "min": min_,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_thresholds_u64 import LevelThresholdsU64  # noqa: PLC0415

        d = dict(src_dict)
        min_ = LevelThresholdsU64.from_dict(d.pop("min"))

        kind = check_measure_type_3_kind(d.pop("kind"))

        measure_type_3 = cls(
            min_=min_,
            kind=kind,
        )

        measure_type_3.additional_properties = d
        return measure_type_3

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

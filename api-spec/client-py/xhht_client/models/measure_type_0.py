from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.measure_type_0_kind import MeasureType0Kind, check_measure_type_0_kind

if TYPE_CHECKING:
    from ..models.level_thresholds_bool import LevelThresholdsBool


T = TypeVar("T", bound="MeasureType0")


@_attrs_define
class MeasureType0:
    """Yes or no; `required` says whether "yes" is needed at each level.

    Attributes:
        required (LevelThresholdsBool): A threshold per recognition level; `None` is a threshold that is not known.
        kind (MeasureType0Kind):
    """

    required: LevelThresholdsBool
    kind: MeasureType0Kind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        required = self.required.to_dict()

        kind: str = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "required": required,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_thresholds_bool import LevelThresholdsBool  # noqa: PLC0415

        d = dict(src_dict)
        required = LevelThresholdsBool.from_dict(d.pop("required"))

        kind = check_measure_type_0_kind(d.pop("kind"))

        measure_type_0 = cls(
            required=required,
            kind=kind,
        )

        measure_type_0.additional_properties = d
        return measure_type_0

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

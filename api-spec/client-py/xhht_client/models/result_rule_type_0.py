from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_rule_type_0_kind import ResultRuleType0Kind, check_result_rule_type_0_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.level_name import LevelName
    from ..models.point_band import PointBand


T = TypeVar("T", bound="ResultRuleType0")


@_attrs_define
class ResultRuleType0:
    """Points summed over all indicators, then the highest band reached
    (TT 22/2020: Tốt ≥ 85, Khá ≥ 70, Trung bình ≥ 50; QĐ 324: Đạt ≥ 80 and every indicator ≥ 5).

        Attributes:
            bands (list[PointBand]): Highest band first.
            fail (LevelName): A result level by name.
            kind (ResultRuleType0Kind):
            max_total (float | None | Unset): The scale, e.g. 100; must equal the sum of the indicators once published.
    """

    bands: list[PointBand]
    fail: LevelName
    kind: ResultRuleType0Kind
    max_total: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bands = []
        for bands_item_data in self.bands:
            bands_item = bands_item_data.to_dict()
            bands.append(bands_item)

        fail = self.fail.to_dict()

        kind: str = self.kind

        max_total: float | None | Unset
        if isinstance(self.max_total, Unset):
            max_total = UNSET
        else:
            max_total = self.max_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bands": bands,
                "fail": fail,
                "kind": kind,
            }
        )
        if max_total is not UNSET:
            field_dict["max_total"] = max_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_name import LevelName  # noqa: PLC0415
        from ..models.point_band import PointBand  # noqa: PLC0415

        d = dict(src_dict)
        bands = []
        _bands = d.pop("bands")
        for bands_item_data in _bands:
            bands_item = PointBand.from_dict(bands_item_data)

            bands.append(bands_item)

        fail = LevelName.from_dict(d.pop("fail"))

        kind = check_result_rule_type_0_kind(d.pop("kind"))

        def _parse_max_total(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_total = _parse_max_total(d.pop("max_total", UNSET))

        result_rule_type_0 = cls(
            bands=bands,
            fail=fail,
            kind=kind,
            max_total=max_total,
        )

        result_rule_type_0.additional_properties = d
        return result_rule_type_0

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

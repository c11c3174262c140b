from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointBand")


@_attrs_define
class PointBand:
    """A points band.

    Attributes:
        id (str):
        name_vi (str):
        min_total (float):
        min_per_indicator (float | None | Unset): Every indicator must score at least this much (QĐ 324: 5).
    """

    id: str
    name_vi: str
    min_total: float
    min_per_indicator: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        min_total = self.min_total

        min_per_indicator: float | None | Unset
        if isinstance(self.min_per_indicator, Unset):
            min_per_indicator = UNSET
        else:
            min_per_indicator = self.min_per_indicator

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
                "min_total": min_total,
            }
        )
        if min_per_indicator is not UNSET:
            field_dict["min_per_indicator"] = min_per_indicator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        min_total = d.pop("min_total")

        def _parse_min_per_indicator(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        min_per_indicator = _parse_min_per_indicator(d.pop("min_per_indicator", UNSET))

        point_band = cls(
            id=id,
            name_vi=name_vi,
            min_total=min_total,
            min_per_indicator=min_per_indicator,
        )

        return point_band

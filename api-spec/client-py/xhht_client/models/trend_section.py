from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trend_point import TrendPoint


T = TypeVar("T", bound="TrendSection")


@_attrs_define
class TrendSection:
    """
    Attributes:
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        title_vi (str):
        title_en (str):
        points (list[TrendPoint]):
        subgroup (None | str | Unset):
    """

    model_kind: ModelKind
    title_vi: str
    title_en: str
    points: list[TrendPoint]
    subgroup: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_kind: str = self.model_kind

        title_vi = self.title_vi

        title_en = self.title_en

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        subgroup: None | str | Unset
        if isinstance(self.subgroup, Unset):
            subgroup = UNSET
        else:
            subgroup = self.subgroup

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_kind": model_kind,
                "title_vi": title_vi,
                "title_en": title_en,
                "points": points,
            }
        )
        if subgroup is not UNSET:
            field_dict["subgroup"] = subgroup

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trend_point import TrendPoint  # noqa: PLC0415

        d = dict(src_dict)
        model_kind = check_model_kind(d.pop("model_kind"))

        title_vi = d.pop("title_vi")

        title_en = d.pop("title_en")

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = TrendPoint.from_dict(points_item_data)

            points.append(points_item)

        def _parse_subgroup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subgroup = _parse_subgroup(d.pop("subgroup", UNSET))

        trend_section = cls(
            model_kind=model_kind,
            title_vi=title_vi,
            title_en=title_en,
            points=points,
            subgroup=subgroup,
        )

        trend_section.additional_properties = d
        return trend_section

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

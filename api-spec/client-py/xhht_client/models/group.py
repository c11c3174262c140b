from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.indicator import Indicator


T = TypeVar("T", bound="Group")


@_attrs_define
class Group:
    """A group of the tree: a "tiêu chuẩn", "tiêu chí" or competency group.

    Attributes:
        id (str):
        name_vi (str):
        name_en (None | str | Unset):
        max_points (float | None | Unset): Only in points frameworks: the group's maximum, which must equal the sum of
            its parts
            once the framework is published.
        indicators (list[Indicator] | Unset):
        groups (list[Group] | Unset):
    """

    id: str
    name_vi: str
    name_en: None | str | Unset = UNSET
    max_points: float | None | Unset = UNSET
    indicators: list[Indicator] | Unset = UNSET
    groups: list[Group] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        name_en: None | str | Unset
        if isinstance(self.name_en, Unset):
            name_en = UNSET
        else:
            name_en = self.name_en

        max_points: float | None | Unset
        if isinstance(self.max_points, Unset):
            max_points = UNSET
        else:
            max_points = self.max_points

        indicators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.indicators, Unset):
            indicators = []
            for indicators_item_data in self.indicators:
                indicators_item = indicators_item_data.to_dict()
                indicators.append(indicators_item)

        groups: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.groups, Unset):
            groups = []
            for groups_item_data in self.groups:
                groups_item = groups_item_data.to_dict()
                groups.append(groups_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
            }
        )
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if max_points is not UNSET:
            field_dict["max_points"] = max_points
        if indicators is not UNSET:
            field_dict["indicators"] = indicators
        if groups is not UNSET:
            field_dict["groups"] = groups

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator import Indicator  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        def _parse_name_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_en = _parse_name_en(d.pop("name_en", UNSET))

        def _parse_max_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_points = _parse_max_points(d.pop("max_points", UNSET))

        _indicators = d.pop("indicators", UNSET)
        indicators: list[Indicator] | Unset = UNSET
        if _indicators is not UNSET:
            indicators = []
            for indicators_item_data in _indicators:
                indicators_item = Indicator.from_dict(indicators_item_data)

                indicators.append(indicators_item)

        _groups = d.pop("groups", UNSET)
        groups: list[Group] | Unset = UNSET
        if _groups is not UNSET:
            groups = []
            for groups_item_data in _groups:
                groups_item = Group.from_dict(groups_item_data)

                groups.append(groups_item)

        group = cls(
            id=id,
            name_vi=name_vi,
            name_en=name_en,
            max_points=max_points,
            indicators=indicators,
            groups=groups,
        )

        return group

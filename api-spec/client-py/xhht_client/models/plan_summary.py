from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_level import PlanLevel, check_plan_level
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanSummary")


@_attrs_define
class PlanSummary:
    """A plan without its document.

    Attributes:
        id (int):
        key (str):
        title_vi (str):
        level (PlanLevel): The level of government that issued a plan.
        shipped (bool):
        missing (list[str]): What is not known of it (the criteria texts of a plan not yet read, say).
        unit_id (int | None | Unset): The issuing unit; null for the national plan.
    """

    id: int
    key: str
    title_vi: str
    level: PlanLevel
    shipped: bool
    missing: list[str]
    unit_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        key = self.key

        title_vi = self.title_vi

        level: str = self.level

        shipped = self.shipped

        missing = self.missing

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "title_vi": title_vi,
                "level": level,
                "shipped": shipped,
                "missing": missing,
            }
        )
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        title_vi = d.pop("title_vi")

        level = check_plan_level(d.pop("level"))

        shipped = d.pop("shipped")

        missing = cast(list[str], d.pop("missing"))

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        plan_summary = cls(
            id=id,
            key=key,
            title_vi=title_vi,
            level=level,
            shipped=shipped,
            missing=missing,
            unit_id=unit_id,
        )

        plan_summary.additional_properties = d
        return plan_summary

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

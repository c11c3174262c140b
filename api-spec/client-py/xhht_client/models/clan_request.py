from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClanRequest")


@_attrs_define
class ClanRequest:
    """
    Example:
        {'name': 'Họ Nguyễn Văn, chi 2', 'unit_id': 10845, 'household_ids': [1, 2]}

    Attributes:
        name (str):
        unit_id (int): The unit the clan is registered in (where its council meets).
        household_ids (list[int] | Unset):
    """

    name: str
    unit_id: int
    household_ids: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        unit_id = self.unit_id

        household_ids: list[int] | Unset = UNSET
        if not isinstance(self.household_ids, Unset):
            household_ids = self.household_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "unit_id": unit_id,
            }
        )
        if household_ids is not UNSET:
            field_dict["household_ids"] = household_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        unit_id = d.pop("unit_id")

        household_ids = cast(list[int], d.pop("household_ids", UNSET))

        clan_request = cls(
            name=name,
            unit_id=unit_id,
            household_ids=household_ids,
        )

        return clan_request

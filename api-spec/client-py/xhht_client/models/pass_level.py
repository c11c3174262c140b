from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.tier import Tier, check_tier
from ..types import UNSET, Unset

T = TypeVar("T", bound="PassLevel")


@_attrs_define
class PassLevel:
    """A level of an all-indicators-pass framework.

    Attributes:
        id (str):
        name_vi (str):
        tier (Tier): The two recognition levels of the 2023 circulars ("Mức độ 1", "Mức độ 2").
        min_months_at_level1 (int | None | Unset): Level 2 only: months the subject must have held level 1 (12 in TT 24
            and TT 25 of 2023).
        requires (list[str] | None | Unset): Group or indicator ids this level requires; `None` requires every
            indicator.
    """

    id: str
    name_vi: str
    tier: Tier
    min_months_at_level1: int | None | Unset = UNSET
    requires: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        tier: str = self.tier

        min_months_at_level1: int | None | Unset
        if isinstance(self.min_months_at_level1, Unset):
            min_months_at_level1 = UNSET
        else:
            min_months_at_level1 = self.min_months_at_level1

        requires: list[str] | None | Unset
        if isinstance(self.requires, Unset):
            requires = UNSET
        elif isinstance(self.requires, list):
            requires = self.requires

        else:
            requires = self.requires

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
                "tier": tier,
            }
        )
        if min_months_at_level1 is not UNSET:
            field_dict["min_months_at_level1"] = min_months_at_level1
        if requires is not UNSET:
            field_dict["requires"] = requires

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        tier = check_tier(d.pop("tier"))

        def _parse_min_months_at_level1(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        min_months_at_level1 = _parse_min_months_at_level1(d.pop("min_months_at_level1", UNSET))

        def _parse_requires(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                requires_type_0 = cast(list[str], data)

                return requires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        requires = _parse_requires(d.pop("requires", UNSET))

        pass_level = cls(
            id=id,
            name_vi=name_vi,
            tier=tier,
            min_months_at_level1=min_months_at_level1,
            requires=requires,
        )

        return pass_level

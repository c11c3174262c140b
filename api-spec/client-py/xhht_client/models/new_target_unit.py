from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.level import Level, check_level
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewTargetUnit")


@_attrs_define
class NewTargetUnit:
    """A unit opened by a reorganisation.

    Attributes:
        level (Level): The level of an administrative unit.
        code (str): Official code for provinces, districts and communes; for villages the commune's local code.
        name (str):
        division_type (str):
        parent_id (int | None | Unset): Required for every level but province.
    """

    level: Level
    code: str
    name: str
    division_type: str
    parent_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        level: str = self.level

        code = self.code

        name = self.name

        division_type = self.division_type

        parent_id: int | None | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        else:
            parent_id = self.parent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "level": level,
                "code": code,
                "name": name,
                "division_type": division_type,
            }
        )
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = check_level(d.pop("level"))

        code = d.pop("code")

        name = d.pop("name")

        division_type = d.pop("division_type")

        def _parse_parent_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        new_target_unit = cls(
            level=level,
            code=code,
            name=name,
            division_type=division_type,
            parent_id=parent_id,
        )

        return new_target_unit

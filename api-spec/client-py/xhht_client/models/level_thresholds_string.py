from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LevelThresholdsString")


@_attrs_define
class LevelThresholdsString:
    """A threshold per recognition level; `None` is a threshold that is not known.

    Attributes:
        level1 (None | str | Unset):
        level2 (None | str | Unset):
    """

    level1: None | str | Unset = UNSET
    level2: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        level1: None | str | Unset
        if isinstance(self.level1, Unset):
            level1 = UNSET
        else:
            level1 = self.level1

        level2: None | str | Unset
        if isinstance(self.level2, Unset):
            level2 = UNSET
        else:
            level2 = self.level2

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if level1 is not UNSET:
            field_dict["level1"] = level1
        if level2 is not UNSET:
            field_dict["level2"] = level2

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_level1(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level1 = _parse_level1(d.pop("level1", UNSET))

        def _parse_level2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level2 = _parse_level2(d.pop("level2", UNSET))

        level_thresholds_string = cls(
            level1=level1,
            level2=level2,
        )

        return level_thresholds_string

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionItem")


@_attrs_define
class DecisionItem:
    """
    Attributes:
        evaluation_id (int):
        level (None | str | Unset): For a recognition: the level granted; by default the level the evaluation reaches.
    """

    evaluation_id: int
    level: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        evaluation_id = self.evaluation_id

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        else:
            level = self.level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "evaluation_id": evaluation_id,
            }
        )
        if level is not UNSET:
            field_dict["level"] = level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evaluation_id = d.pop("evaluation_id")

        def _parse_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        decision_item = cls(
            evaluation_id=evaluation_id,
            level=level,
        )

        return decision_item

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.result_rule_type_1_kind import ResultRuleType1Kind, check_result_rule_type_1_kind

if TYPE_CHECKING:
    from ..models.level_name import LevelName
    from ..models.pass_level import PassLevel


T = TypeVar("T", bound="ResultRuleType1")


@_attrs_define
class ResultRuleType1:
    """A level is reached when every applicable indicator it requires passes at its tier
    (TT 24/2023, TT 25/2023).

        Attributes:
            levels (list[PassLevel]): Level 1 first, then optionally level 2.
            fail (LevelName): A result level by name.
            kind (ResultRuleType1Kind):
    """

    levels: list[PassLevel]
    fail: LevelName
    kind: ResultRuleType1Kind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        levels = []
        for levels_item_data in self.levels:
            levels_item = levels_item_data.to_dict()
            levels.append(levels_item)

        fail = self.fail.to_dict()

        kind: str = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "levels": levels,
                "fail": fail,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.level_name import LevelName  # noqa: PLC0415
        from ..models.pass_level import PassLevel  # noqa: PLC0415

        d = dict(src_dict)
        levels = []
        _levels = d.pop("levels")
        for levels_item_data in _levels:
            levels_item = PassLevel.from_dict(levels_item_data)

            levels.append(levels_item)

        fail = LevelName.from_dict(d.pop("fail"))

        kind = check_result_rule_type_1_kind(d.pop("kind"))

        result_rule_type_1 = cls(
            levels=levels,
            fail=fail,
            kind=kind,
        )

        result_rule_type_1.additional_properties = d
        return result_rule_type_1

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnswerDtoType4")


@_attrs_define
class AnswerDtoType4:
    """One of the indicator's listed values; null for "none of them".

    Attributes:
        ordinal (None | str): One of the indicator's listed values; null for "none of them".
    """

    ordinal: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ordinal: None | str
        ordinal = self.ordinal

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ordinal": ordinal,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_ordinal(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ordinal = _parse_ordinal(d.pop("ordinal"))

        answer_dto_type_4 = cls(
            ordinal=ordinal,
        )

        answer_dto_type_4.additional_properties = d
        return answer_dto_type_4

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

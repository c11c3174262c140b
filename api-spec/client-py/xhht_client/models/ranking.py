from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.ranked_participant import RankedParticipant


T = TypeVar("T", bound="Ranking")


@_attrs_define
class Ranking:
    """The marked reports, best first within each kind of participant: proposed, then the share of
    criteria passed, then name; unmarked reports are not ranked.

        Attributes:
            review_id (int):
            items (list[RankedParticipant]):
            unmarked (int): Reports still waiting for marks.
    """

    review_id: int
    items: list[RankedParticipant]
    unmarked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        review_id = self.review_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        unmarked = self.unmarked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "review_id": review_id,
                "items": items,
                "unmarked": unmarked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ranked_participant import RankedParticipant  # noqa: PLC0415

        d = dict(src_dict)
        review_id = d.pop("review_id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = RankedParticipant.from_dict(items_item_data)

            items.append(items_item)

        unmarked = d.pop("unmarked")

        ranking = cls(
            review_id=review_id,
            items=items,
            unmarked=unmarked,
        )

        ranking.additional_properties = d
        return ranking

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.decision_kind import DecisionKind, check_decision_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decision_item import DecisionItem


T = TypeVar("T", bound="DecisionRequest")


@_attrs_define
class DecisionRequest:
    """A decision (Quyết định) with its annexed list: it recognises, rejects or revokes many
    evaluations at once, all or nothing.

        Example:
            {'kind': 'recognition', 'number': '123/QĐ-UBND', 'decided_on': '2027-03-15', 'authority': 'Chủ tịch UBND phường
                Ba Đình', 'items': [{'evaluation_id': 1}]}

        Attributes:
            kind (DecisionKind): What a decision (Quyết định) does to the evaluations it lists.
            number (str):
            decided_on (datetime.date):
            authority (str): Who signs (e.g. "Chủ tịch UBND xã …").
            items (list[DecisionItem]):
            reason (None | str | Unset): Required for rejections and revocations.
    """

    kind: DecisionKind
    number: str
    decided_on: datetime.date
    authority: str
    items: list[DecisionItem]
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        number = self.number

        decided_on = self.decided_on.isoformat()

        authority = self.authority

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "number": number,
                "decided_on": decided_on,
                "authority": authority,
                "items": items,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_item import DecisionItem  # noqa: PLC0415

        d = dict(src_dict)
        kind = check_decision_kind(d.pop("kind"))

        number = d.pop("number")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        authority = d.pop("authority")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DecisionItem.from_dict(items_item_data)

            items.append(items_item)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        decision_request = cls(
            kind=kind,
            number=number,
            decided_on=decided_on,
            authority=authority,
            items=items,
            reason=reason,
        )

        return decision_request

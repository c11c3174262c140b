from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.target_act_request import TargetActRequest
    from ..models.target_item_request import TargetItemRequest


T = TypeVar("T", bound="TargetSetRequest")


@_attrs_define
class TargetSetRequest:
    """A province's (or one of its communes') targets, from the province's own plan.

    Example:
        {'unit_id': 10811, 'act': {'number': '45/KH-UBND', 'issuer': 'UBND Thành phố Hà Nội', 'issued_on':
            '2022-04-20'}, 'items': [{'model_kind': 'gia_dinh_hoc_tap', 'target_year': 2030, 'value': 85}]}

    Attributes:
        unit_id (int): A province, or a commune of it.
        act (TargetActRequest): The act a province adopted its targets by.
        items (list[TargetItemRequest]):
    """

    unit_id: int
    act: TargetActRequest
    items: list[TargetItemRequest]

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        act = self.act.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_id": unit_id,
                "act": act,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target_act_request import TargetActRequest  # noqa: PLC0415
        from ..models.target_item_request import TargetItemRequest  # noqa: PLC0415

        d = dict(src_dict)
        unit_id = d.pop("unit_id")

        act = TargetActRequest.from_dict(d.pop("act"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = TargetItemRequest.from_dict(items_item_data)

            items.append(items_item)

        target_set_request = cls(
            unit_id=unit_id,
            act=act,
            items=items,
        )

        return target_set_request

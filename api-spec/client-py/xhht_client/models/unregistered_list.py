from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind

if TYPE_CHECKING:
    from ..models.unregistered_subject import UnregisteredSubject


T = TypeVar("T", bound="UnregisteredList")


@_attrs_define
class UnregisteredList:
    """
    Attributes:
        drive_id (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        items (list[UnregisteredSubject]):
    """

    drive_id: int
    model_kind: ModelKind
    items: list[UnregisteredSubject]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drive_id = self.drive_id

        model_kind: str = self.model_kind

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drive_id": drive_id,
                "model_kind": model_kind,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unregistered_subject import UnregisteredSubject  # noqa: PLC0415

        d = dict(src_dict)
        drive_id = d.pop("drive_id")

        model_kind = check_model_kind(d.pop("model_kind"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = UnregisteredSubject.from_dict(items_item_data)

            items.append(items_item)

        unregistered_list = cls(
            drive_id=drive_id,
            model_kind=model_kind,
            items=items,
        )

        unregistered_list.additional_properties = d
        return unregistered_list

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

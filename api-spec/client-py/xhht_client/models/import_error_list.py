from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row_error import ImportRowError


T = TypeVar("T", bound="ImportErrorList")


@_attrs_define
class ImportErrorList:
    """
    Attributes:
        job_id (int):
        rows_invalid (int): Rows with errors; the list keeps the first 10,000 errors.
        items (list[ImportRowError]):
    """

    job_id: int
    rows_invalid: int
    items: list[ImportRowError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        rows_invalid = self.rows_invalid

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "rows_invalid": rows_invalid,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415

        d = dict(src_dict)
        job_id = d.pop("job_id")

        rows_invalid = d.pop("rows_invalid")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ImportRowError.from_dict(items_item_data)

            items.append(items_item)

        import_error_list = cls(
            job_id=job_id,
            rows_invalid=rows_invalid,
            items=items,
        )

        import_error_list.additional_properties = d
        return import_error_list

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

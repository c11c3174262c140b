from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.registry_row import RegistryRow


T = TypeVar("T", bound="RegistryFigure")


@_attrs_define
class RegistryFigure:
    """Records in the registries by row: the denominators.

    Attributes:
        kind (str): `household`, `clan`, `citizen`, `organisation` or `learning_centre`.
        label_vi (str):
        label_en (str):
        rows (list[RegistryRow]):
        total (RegistryRow):
    """

    kind: str
    label_vi: str
    label_en: str
    rows: list[RegistryRow]
    total: RegistryRow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        label_vi = self.label_vi

        label_en = self.label_en

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "label_vi": label_vi,
                "label_en": label_en,
                "rows": rows,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.registry_row import RegistryRow  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        label_vi = d.pop("label_vi")

        label_en = d.pop("label_en")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = RegistryRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total = RegistryRow.from_dict(d.pop("total"))

        registry_figure = cls(
            kind=kind,
            label_vi=label_vi,
            label_en=label_en,
            rows=rows,
            total=total,
        )

        registry_figure.additional_properties = d
        return registry_figure

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

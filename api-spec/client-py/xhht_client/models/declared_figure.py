from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.declared_measure import DeclaredMeasure, check_declared_measure

if TYPE_CHECKING:
    from ..models.declared_row import DeclaredRow


T = TypeVar("T", bound="DeclaredFigure")


@_attrs_define
class DeclaredFigure:
    """A declared figure by row: the value declared for a unit, or the sum of its parts where the
    unit itself declared none.

        Attributes:
            key (str):
            label_vi (str):
            label_en (str):
            measure (DeclaredMeasure): What a declared figure counts.
            rows (list[DeclaredRow]):
            total (DeclaredRow):
    """

    key: str
    label_vi: str
    label_en: str
    measure: DeclaredMeasure
    rows: list[DeclaredRow]
    total: DeclaredRow
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        label_vi = self.label_vi

        label_en = self.label_en

        measure: str = self.measure

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "label_vi": label_vi,
                "label_en": label_en,
                "measure": measure,
                "rows": rows,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.declared_row import DeclaredRow  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        label_vi = d.pop("label_vi")

        label_en = d.pop("label_en")

        measure = check_declared_measure(d.pop("measure"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = DeclaredRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total = DeclaredRow.from_dict(d.pop("total"))

        declared_figure = cls(
            key=key,
            label_vi=label_vi,
            label_en=label_en,
            measure=measure,
            rows=rows,
            total=total,
        )

        declared_figure.additional_properties = d
        return declared_figure

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

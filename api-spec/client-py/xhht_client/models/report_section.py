from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.figure_row import FigureRow


T = TypeVar("T", bound="ReportSection")


@_attrs_define
class ReportSection:
    """The figures of one model (and subgroup) by row.

    Attributes:
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        title_vi (str):
        title_en (str):
        denominator_vi (str): What the share divides by, e.g. "hộ gia đình" / "households".
        denominator_en (str):
        rows (list[FigureRow]):
        total (FigureRow): One row of figures.
        subgroup (None | str | Unset): A citizens' target group or an organisations' type; null for all of them.
    """

    model_kind: ModelKind
    title_vi: str
    title_en: str
    denominator_vi: str
    denominator_en: str
    rows: list[FigureRow]
    total: FigureRow
    subgroup: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_kind: str = self.model_kind

        title_vi = self.title_vi

        title_en = self.title_en

        denominator_vi = self.denominator_vi

        denominator_en = self.denominator_en

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        total = self.total.to_dict()

        subgroup: None | str | Unset
        if isinstance(self.subgroup, Unset):
            subgroup = UNSET
        else:
            subgroup = self.subgroup

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_kind": model_kind,
                "title_vi": title_vi,
                "title_en": title_en,
                "denominator_vi": denominator_vi,
                "denominator_en": denominator_en,
                "rows": rows,
                "total": total,
            }
        )
        if subgroup is not UNSET:
            field_dict["subgroup"] = subgroup

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_row import FigureRow  # noqa: PLC0415

        d = dict(src_dict)
        model_kind = check_model_kind(d.pop("model_kind"))

        title_vi = d.pop("title_vi")

        title_en = d.pop("title_en")

        denominator_vi = d.pop("denominator_vi")

        denominator_en = d.pop("denominator_en")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = FigureRow.from_dict(rows_item_data)

            rows.append(rows_item)

        total = FigureRow.from_dict(d.pop("total"))

        def _parse_subgroup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subgroup = _parse_subgroup(d.pop("subgroup", UNSET))

        report_section = cls(
            model_kind=model_kind,
            title_vi=title_vi,
            title_en=title_en,
            denominator_vi=denominator_vi,
            denominator_en=denominator_en,
            rows=rows,
            total=total,
            subgroup=subgroup,
        )

        report_section.additional_properties = d
        return report_section

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

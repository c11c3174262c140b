from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind

if TYPE_CHECKING:
    from ..models.drive_figures import DriveFigures


T = TypeVar("T", bound="DriveModelFigures")


@_attrs_define
class DriveModelFigures:
    """A model's figures in a drive, by unit and in total.

    Attributes:
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        title_vi (str):
        total (DriveFigures): One unit's row of a drive's figures: eligible subjects, registered, recognised.
        units (list[DriveFigures]):
    """

    model_kind: ModelKind
    title_vi: str
    total: DriveFigures
    units: list[DriveFigures]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_kind: str = self.model_kind

        title_vi = self.title_vi

        total = self.total.to_dict()

        units = []
        for units_item_data in self.units:
            units_item = units_item_data.to_dict()
            units.append(units_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model_kind": model_kind,
                "title_vi": title_vi,
                "total": total,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drive_figures import DriveFigures  # noqa: PLC0415

        d = dict(src_dict)
        model_kind = check_model_kind(d.pop("model_kind"))

        title_vi = d.pop("title_vi")

        total = DriveFigures.from_dict(d.pop("total"))

        units = []
        _units = d.pop("units")
        for units_item_data in _units:
            units_item = DriveFigures.from_dict(units_item_data)

            units.append(units_item)

        drive_model_figures = cls(
            model_kind=model_kind,
            title_vi=title_vi,
            total=total,
            units=units,
        )

        drive_model_figures.additional_properties = d
        return drive_model_figures

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

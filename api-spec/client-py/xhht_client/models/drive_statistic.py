from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DriveStatistic")


@_attrs_define
class DriveStatistic:
    """One drive's totals for one of its models.

    Attributes:
        drive_id (int):
        unit_id (int):
        title_vi (str):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        eligible (int):
        registered (int):
        recognised (int):
        target (int | None | Unset):
    """

    drive_id: int
    unit_id: int
    title_vi: str
    model_kind: ModelKind
    eligible: int
    registered: int
    recognised: int
    target: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drive_id = self.drive_id

        unit_id = self.unit_id

        title_vi = self.title_vi

        model_kind: str = self.model_kind

        eligible = self.eligible

        registered = self.registered

        recognised = self.recognised

        target: int | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drive_id": drive_id,
                "unit_id": unit_id,
                "title_vi": title_vi,
                "model_kind": model_kind,
                "eligible": eligible,
                "registered": registered,
                "recognised": recognised,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        drive_id = d.pop("drive_id")

        unit_id = d.pop("unit_id")

        title_vi = d.pop("title_vi")

        model_kind = check_model_kind(d.pop("model_kind"))

        eligible = d.pop("eligible")

        registered = d.pop("registered")

        recognised = d.pop("recognised")

        def _parse_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        drive_statistic = cls(
            drive_id=drive_id,
            unit_id=unit_id,
            title_vi=title_vi,
            model_kind=model_kind,
            eligible=eligible,
            registered=registered,
            recognised=recognised,
            target=target,
        )

        drive_statistic.additional_properties = d
        return drive_statistic

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

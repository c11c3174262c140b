from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DriveFigures")


@_attrs_define
class DriveFigures:
    """One unit's row of a drive's figures: eligible subjects, registered, recognised.

    Attributes:
        unit_name (str):
        eligible (int):
        registered (int): Registered for the year, through the drive or otherwise.
        registered_late (int): Registered through the drive after its closing date.
        not_registered (int):
        recognised (int):
        unit_id (int | None | Unset): The unit the subjects are filed in (a village, most often); null on the total.
        share_registered (float | None | Unset): Registered as a share of eligible, in percent.
    """

    unit_name: str
    eligible: int
    registered: int
    registered_late: int
    not_registered: int
    recognised: int
    unit_id: int | None | Unset = UNSET
    share_registered: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit_name = self.unit_name

        eligible = self.eligible

        registered = self.registered

        registered_late = self.registered_late

        not_registered = self.not_registered

        recognised = self.recognised

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        share_registered: float | None | Unset
        if isinstance(self.share_registered, Unset):
            share_registered = UNSET
        else:
            share_registered = self.share_registered

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit_name": unit_name,
                "eligible": eligible,
                "registered": registered,
                "registered_late": registered_late,
                "not_registered": not_registered,
                "recognised": recognised,
            }
        )
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if share_registered is not UNSET:
            field_dict["share_registered"] = share_registered

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_name = d.pop("unit_name")

        eligible = d.pop("eligible")

        registered = d.pop("registered")

        registered_late = d.pop("registered_late")

        not_registered = d.pop("not_registered")

        recognised = d.pop("recognised")

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_share_registered(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        share_registered = _parse_share_registered(d.pop("share_registered", UNSET))

        drive_figures = cls(
            unit_name=unit_name,
            eligible=eligible,
            registered=registered,
            registered_late=registered_late,
            not_registered=not_registered,
            recognised=recognised,
            unit_id=unit_id,
            share_registered=share_registered,
        )

        drive_figures.additional_properties = d
        return drive_figures

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

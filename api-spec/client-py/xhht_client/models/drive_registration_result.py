from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind

if TYPE_CHECKING:
    from ..models.drive_registration import DriveRegistration


T = TypeVar("T", bound="DriveRegistrationResult")


@_attrs_define
class DriveRegistrationResult:
    """What a drive registration did: the evaluations it created, and those already there.

    Attributes:
        drive_id (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        registered (list[DriveRegistration]):
        already_registered (list[DriveRegistration]): Registered before (by this drive or otherwise); nothing was
            created for them.
        late (bool): Registered after the closing date, under `late_policy: flag`.
    """

    drive_id: int
    model_kind: ModelKind
    registered: list[DriveRegistration]
    already_registered: list[DriveRegistration]
    late: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drive_id = self.drive_id

        model_kind: str = self.model_kind

        registered = []
        for registered_item_data in self.registered:
            registered_item = registered_item_data.to_dict()
            registered.append(registered_item)

        already_registered = []
        for already_registered_item_data in self.already_registered:
            already_registered_item = already_registered_item_data.to_dict()
            already_registered.append(already_registered_item)

        late = self.late

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drive_id": drive_id,
                "model_kind": model_kind,
                "registered": registered,
                "already_registered": already_registered,
                "late": late,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.drive_registration import DriveRegistration  # noqa: PLC0415

        d = dict(src_dict)
        drive_id = d.pop("drive_id")

        model_kind = check_model_kind(d.pop("model_kind"))

        registered = []
        _registered = d.pop("registered")
        for registered_item_data in _registered:
            registered_item = DriveRegistration.from_dict(registered_item_data)

            registered.append(registered_item)

        already_registered = []
        _already_registered = d.pop("already_registered")
        for already_registered_item_data in _already_registered:
            already_registered_item = DriveRegistration.from_dict(already_registered_item_data)

            already_registered.append(already_registered_item)

        late = d.pop("late")

        drive_registration_result = cls(
            drive_id=drive_id,
            model_kind=model_kind,
            registered=registered,
            already_registered=already_registered,
            late=late,
        )

        drive_registration_result.additional_properties = d
        return drive_registration_result

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DriveRegistrationRequest")


@_attrs_define
class DriveRegistrationRequest:
    """Registers many subjects at once: those named, and every eligible one filed in a unit (all
    households of a village, say); with neither, every subject the drive asks.

        Example:
            {'model_kind': 'gia_dinh_hoc_tap', 'unit_id': 20011}

        Attributes:
            model_kind (ModelKind): The learning-society models ("mô hình học tập").
            subject_ids (list[int] | None | Unset): The subjects, by id (households for `gia_dinh_hoc_tap`, clans, citizens,
                organisations,
                or units for the community models).
            unit_id (int | None | Unset): Every eligible subject filed in this unit.
    """

    model_kind: ModelKind
    subject_ids: list[int] | None | Unset = UNSET
    unit_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model_kind: str = self.model_kind

        subject_ids: list[int] | None | Unset
        if isinstance(self.subject_ids, Unset):
            subject_ids = UNSET
        elif isinstance(self.subject_ids, list):
            subject_ids = self.subject_ids

        else:
            subject_ids = self.subject_ids

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model_kind": model_kind,
            }
        )
        if subject_ids is not UNSET:
            field_dict["subject_ids"] = subject_ids
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model_kind = check_model_kind(d.pop("model_kind"))

        def _parse_subject_ids(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                subject_ids_type_0 = cast(list[int], data)

                return subject_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        subject_ids = _parse_subject_ids(d.pop("subject_ids", UNSET))

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        drive_registration_request = cls(
            model_kind=model_kind,
            subject_ids=subject_ids,
            unit_id=unit_id,
        )

        return drive_registration_request

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.model_kind import ModelKind, check_model_kind
from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationRequest")


@_attrs_define
class RegistrationRequest:
    """Registers a subject for a model and year (đăng ký).

    Example:
        {'subject_type': 'household', 'subject_id': 1, 'framework_id': 12, 'year': 2026}

    Attributes:
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        year (int):
        framework_id (int | None | Unset): The framework version to use (not retired). When absent, the one that applies
            to the
            subject's unit at the end of `year` (see `GET /api/v1/frameworks/applicable`): the
            province's own before the national one; `model_kind` then says which model.
        model_kind (ModelKind | None | Unset):
        requested_level (None | str | Unset): The level the subject asks for (e.g. `muc_do_2`); by default the level it
            reaches.
    """

    subject_type: SubjectKind
    subject_id: int
    year: int
    framework_id: int | None | Unset = UNSET
    model_kind: ModelKind | None | Unset = UNSET
    requested_level: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        subject_type: str = self.subject_type

        subject_id = self.subject_id

        year = self.year

        framework_id: int | None | Unset
        if isinstance(self.framework_id, Unset):
            framework_id = UNSET
        else:
            framework_id = self.framework_id

        model_kind: None | str | Unset
        if isinstance(self.model_kind, Unset):
            model_kind = UNSET
        elif isinstance(self.model_kind, str):
            model_kind = self.model_kind
        else:
            model_kind = self.model_kind

        requested_level: None | str | Unset
        if isinstance(self.requested_level, Unset):
            requested_level = UNSET
        else:
            requested_level = self.requested_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subject_type": subject_type,
                "subject_id": subject_id,
                "year": year,
            }
        )
        if framework_id is not UNSET:
            field_dict["framework_id"] = framework_id
        if model_kind is not UNSET:
            field_dict["model_kind"] = model_kind
        if requested_level is not UNSET:
            field_dict["requested_level"] = requested_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        year = d.pop("year")

        def _parse_framework_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        framework_id = _parse_framework_id(d.pop("framework_id", UNSET))

        def _parse_model_kind(data: object) -> ModelKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                model_kind_type_0 = check_model_kind(data)

                return model_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelKind | None | Unset, data)

        model_kind = _parse_model_kind(d.pop("model_kind", UNSET))

        def _parse_requested_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_level = _parse_requested_level(d.pop("requested_level", UNSET))

        registration_request = cls(
            subject_type=subject_type,
            subject_id=subject_id,
            year=year,
            framework_id=framework_id,
            model_kind=model_kind,
            requested_level=requested_level,
        )

        return registration_request

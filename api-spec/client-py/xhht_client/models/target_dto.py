from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetDto")


@_attrs_define
class TargetDto:
    """A target in force.

    Attributes:
        id (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        target_year (int):
        confidence (str):
        legal_number (str):
        legal_issuer (str):
        shipped (bool):
        created_at (datetime.datetime):
        unit_id (int | None | Unset): Null for a national target.
        subgroup (None | str | Unset): A citizens' target group or an organisations' type; null for all.
        value (float | None | Unset):
        legal_title (None | str | Unset):
        issued_on (datetime.date | None | Unset):
        note (None | str | Unset):
    """

    id: int
    model_kind: ModelKind
    target_year: int
    confidence: str
    legal_number: str
    legal_issuer: str
    shipped: bool
    created_at: datetime.datetime
    unit_id: int | None | Unset = UNSET
    subgroup: None | str | Unset = UNSET
    value: float | None | Unset = UNSET
    legal_title: None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        model_kind: str = self.model_kind

        target_year = self.target_year

        confidence = self.confidence

        legal_number = self.legal_number

        legal_issuer = self.legal_issuer

        shipped = self.shipped

        created_at = self.created_at.isoformat()

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        subgroup: None | str | Unset
        if isinstance(self.subgroup, Unset):
            subgroup = UNSET
        else:
            subgroup = self.subgroup

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        legal_title: None | str | Unset
        if isinstance(self.legal_title, Unset):
            legal_title = UNSET
        else:
            legal_title = self.legal_title

        issued_on: None | str | Unset
        if isinstance(self.issued_on, Unset):
            issued_on = UNSET
        elif isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "model_kind": model_kind,
                "target_year": target_year,
                "confidence": confidence,
                "legal_number": legal_number,
                "legal_issuer": legal_issuer,
                "shipped": shipped,
                "created_at": created_at,
            }
        )
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if subgroup is not UNSET:
            field_dict["subgroup"] = subgroup
        if value is not UNSET:
            field_dict["value"] = value
        if legal_title is not UNSET:
            field_dict["legal_title"] = legal_title
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        model_kind = check_model_kind(d.pop("model_kind"))

        target_year = d.pop("target_year")

        confidence = d.pop("confidence")

        legal_number = d.pop("legal_number")

        legal_issuer = d.pop("legal_issuer")

        shipped = d.pop("shipped")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_subgroup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subgroup = _parse_subgroup(d.pop("subgroup", UNSET))

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_legal_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_title = _parse_legal_title(d.pop("legal_title", UNSET))

        def _parse_issued_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_on = _parse_issued_on(d.pop("issued_on", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        target_dto = cls(
            id=id,
            model_kind=model_kind,
            target_year=target_year,
            confidence=confidence,
            legal_number=legal_number,
            legal_issuer=legal_issuer,
            shipped=shipped,
            created_at=created_at,
            unit_id=unit_id,
            subgroup=subgroup,
            value=value,
            legal_title=legal_title,
            issued_on=issued_on,
            note=note,
        )

        target_dto.additional_properties = d
        return target_dto

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppliedTarget")


@_attrs_define
class AppliedTarget:
    """The target a row is measured against: the most specific one in force (the row's commune or
    province before the nation), for the first milestone year not before the report's year.

        Attributes:
            target_year (int):
            legal_number (str):
            legal_issuer (str):
            confidence (str): `found`, `found_two_sources`, `inferred`, `not_found` (national, after the research
                file's tags) or `declared` (set by a province).
            value (float | None | Unset): Percent of the denominator to be recognised; null when the act's value is not
                known.
            unit_id (int | None | Unset): Where it was set: the nation (null) or a province or commune.
            issued_on (datetime.date | None | Unset):
            note (None | str | Unset):
    """

    target_year: int
    legal_number: str
    legal_issuer: str
    confidence: str
    value: float | None | Unset = UNSET
    unit_id: int | None | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        target_year = self.target_year

        legal_number = self.legal_number

        legal_issuer = self.legal_issuer

        confidence = self.confidence

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

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
                "target_year": target_year,
                "legal_number": legal_number,
                "legal_issuer": legal_issuer,
                "confidence": confidence,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target_year = d.pop("target_year")

        legal_number = d.pop("legal_number")

        legal_issuer = d.pop("legal_issuer")

        confidence = d.pop("confidence")

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

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

        applied_target = cls(
            target_year=target_year,
            legal_number=legal_number,
            legal_issuer=legal_issuer,
            confidence=confidence,
            value=value,
            unit_id=unit_id,
            issued_on=issued_on,
            note=note,
        )

        applied_target.additional_properties = d
        return applied_target

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_dto import UnitDto


T = TypeVar("T", bound="LineageDto")


@_attrs_define
class LineageDto:
    """A predecessor or successor of a unit, with the act that linked them.

    Attributes:
        unit (UnitDto): An administrative unit: a code in a period. Codes are reused across eras (`00004` was
            Phường Trúc Bạch until 2025-06-30 and is Phường Ba Đình from 2025-07-01), so `id` is the
            identity. Example: {'id': 10845, 'code': '00004', 'level': 'commune', 'name': 'Phường Ba Đình', 'division_type':
            'phường', 'parent': {'id': 10811, 'code': '01', 'level': 'province', 'name': 'Thành phố Hà Nội'}, 'depth': 1,
            'valid_from': '2025-07-01', 'valid_to': None, 'code_list': 'qd19_2025', 'closing_basis': None, 'version': 1,
            'updated_at': '2026-11-23T08:00:00Z'}.
        partial (bool): True when only part of the predecessor's territory went to the successor.
        effective_date (datetime.date):
        legal_basis (str):
        reorganisation_id (int):
        note (None | str | Unset):
    """

    unit: UnitDto
    partial: bool
    effective_date: datetime.date
    legal_basis: str
    reorganisation_id: int
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit = self.unit.to_dict()

        partial = self.partial

        effective_date = self.effective_date.isoformat()

        legal_basis = self.legal_basis

        reorganisation_id = self.reorganisation_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "unit": unit,
                "partial": partial,
                "effective_date": effective_date,
                "legal_basis": legal_basis,
                "reorganisation_id": reorganisation_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_dto import UnitDto  # noqa: PLC0415

        d = dict(src_dict)
        unit = UnitDto.from_dict(d.pop("unit"))

        partial = d.pop("partial")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        legal_basis = d.pop("legal_basis")

        reorganisation_id = d.pop("reorganisation_id")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        lineage_dto = cls(
            unit=unit,
            partial=partial,
            effective_date=effective_date,
            legal_basis=legal_basis,
            reorganisation_id=reorganisation_id,
            note=note,
        )

        lineage_dto.additional_properties = d
        return lineage_dto

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

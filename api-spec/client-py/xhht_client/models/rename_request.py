from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RenameRequest")


@_attrs_define
class RenameRequest:
    """A new name, from a date, on a legal basis.

    Example:
        {'name': 'Phường Ba Đình', 'effective_date': '2026-01-01', 'legal_basis': 'Nghị quyết số 1/NQ-UBTVQH15'}

    Attributes:
        name (str):
        effective_date (datetime.date): The first day of the new name.
        legal_basis (str): The legal act (number and issuer).
    """

    name: str
    effective_date: datetime.date
    legal_basis: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        effective_date = self.effective_date.isoformat()

        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "effective_date": effective_date,
                "legal_basis": legal_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        legal_basis = d.pop("legal_basis")

        rename_request = cls(
            name=name,
            effective_date=effective_date,
            legal_basis=legal_basis,
        )

        return rename_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CloseRequest")


@_attrs_define
class CloseRequest:
    """
    Example:
        {'last_day': '2026-06-30', 'legal_basis': 'Quyết định số 12/QĐ-UBND'}

    Attributes:
        last_day (datetime.date): The last day the unit exists.
        legal_basis (str):
    """

    last_day: datetime.date
    legal_basis: str

    def to_dict(self) -> dict[str, Any]:
        last_day = self.last_day.isoformat()

        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "last_day": last_day,
                "legal_basis": legal_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_day = datetime.date.fromisoformat(d.pop("last_day"))

        legal_basis = d.pop("legal_basis")

        close_request = cls(
            last_day=last_day,
            legal_basis=legal_basis,
        )

        return close_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.new_village_request_division_type import (
    NewVillageRequestDivisionType,
    check_new_village_request_division_type,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewVillageRequest")


@_attrs_define
class NewVillageRequest:
    """A village (thôn, bản, ấp, tổ dân phố…) to open under a commune.

    Example:
        {'parent_id': 10845, 'name': 'Tổ dân phố số 1', 'division_type': 'tổ dân phố', 'local_code': 'TDP01',
            'valid_from': '2026-01-01'}

    Attributes:
        parent_id (int): The commune the village belongs to.
        name (str):
        division_type (NewVillageRequestDivisionType):
        local_code (None | str | Unset): The commune's own number for the village (letters, digits, '-', '.'); the unit
            code
            becomes `<commune code>-<local_code>`. Numbered automatically when absent.
        valid_from (datetime.date | None | Unset): First day in force; today in Vietnam when absent.
    """

    parent_id: int
    name: str
    division_type: NewVillageRequestDivisionType
    local_code: None | str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        parent_id = self.parent_id

        name = self.name

        division_type: str = self.division_type

        local_code: None | str | Unset
        if isinstance(self.local_code, Unset):
            local_code = UNSET
        else:
            local_code = self.local_code

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "parent_id": parent_id,
                "name": name,
                "division_type": division_type,
            }
        )
        if local_code is not UNSET:
            field_dict["local_code"] = local_code
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        parent_id = d.pop("parent_id")

        name = d.pop("name")

        division_type = check_new_village_request_division_type(d.pop("division_type"))

        def _parse_local_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        local_code = _parse_local_code(d.pop("local_code", UNSET))

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        new_village_request = cls(
            parent_id=parent_id,
            name=name,
            division_type=division_type,
            local_code=local_code,
            valid_from=valid_from,
        )

        return new_village_request

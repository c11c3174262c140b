from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="HouseholdRequest")


@_attrs_define
class HouseholdRequest:
    """
    Example:
        {'label': 'Hộ ông Trần Văn Bình', 'unit_id': 10845}

    Attributes:
        label (str): How the household is known locally; no address.
        unit_id (int):
        head_citizen_id (int | None | Unset): A member of the household.
    """

    label: str
    unit_id: int
    head_citizen_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        unit_id = self.unit_id

        head_citizen_id: int | None | Unset
        if isinstance(self.head_citizen_id, Unset):
            head_citizen_id = UNSET
        else:
            head_citizen_id = self.head_citizen_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "unit_id": unit_id,
            }
        )
        if head_citizen_id is not UNSET:
            field_dict["head_citizen_id"] = head_citizen_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        unit_id = d.pop("unit_id")

        def _parse_head_citizen_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        head_citizen_id = _parse_head_citizen_id(d.pop("head_citizen_id", UNSET))

        household_request = cls(
            label=label,
            unit_id=unit_id,
            head_citizen_id=head_citizen_id,
        )

        return household_request

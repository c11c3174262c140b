from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CentreRequest")


@_attrs_define
class CentreRequest:
    """
    Example:
        {'name': 'TTHTCĐ phường Ba Đình', 'unit_id': 10845, 'director_name': 'Lê Văn Hùng', 'activities_count': 24}

    Attributes:
        name (str):
        unit_id (int): The commune.
        activities_count (int):
        director_name (None | str | Unset):
    """

    name: str
    unit_id: int
    activities_count: int
    director_name: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        unit_id = self.unit_id

        activities_count = self.activities_count

        director_name: None | str | Unset
        if isinstance(self.director_name, Unset):
            director_name = UNSET
        else:
            director_name = self.director_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "unit_id": unit_id,
                "activities_count": activities_count,
            }
        )
        if director_name is not UNSET:
            field_dict["director_name"] = director_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        unit_id = d.pop("unit_id")

        activities_count = d.pop("activities_count")

        def _parse_director_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        director_name = _parse_director_name(d.pop("director_name", UNSET))

        centre_request = cls(
            name=name,
            unit_id=unit_id,
            activities_count=activities_count,
            director_name=director_name,
        )

        return centre_request

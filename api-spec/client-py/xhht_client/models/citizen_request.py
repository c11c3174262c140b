from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.sex import Sex, check_sex
from ..models.target_group import TargetGroup, check_target_group
from ..types import UNSET, Unset

T = TypeVar("T", bound="CitizenRequest")


@_attrs_define
class CitizenRequest:
    """
    Example:
        {'full_name': 'Nguyễn Thị Lan', 'birth_year': 1985, 'sex': 'female', 'target_group': 'worker', 'household_id':
            1, 'unit_id': 10845}

    Attributes:
        full_name (str):
        birth_year (int):
        sex (Sex):
        target_group (TargetGroup): The target group of the learning-citizen criteria (QĐ 324/QĐ-KHVN).
        unit_id (int): The home unit (commune or village).
        household_id (int | None | Unset):
        workplace_id (int | None | Unset):
        national_id (None | str | Unset): Optional; 9 or 12 digits. Kept only as a keyed hash, to find duplicates; never
            returned.
    """

    full_name: str
    birth_year: int
    sex: Sex
    target_group: TargetGroup
    unit_id: int
    household_id: int | None | Unset = UNSET
    workplace_id: int | None | Unset = UNSET
    national_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name = self.full_name

        birth_year = self.birth_year

        sex: str = self.sex

        target_group: str = self.target_group

        unit_id = self.unit_id

        household_id: int | None | Unset
        if isinstance(self.household_id, Unset):
            household_id = UNSET
        else:
            household_id = self.household_id

        workplace_id: int | None | Unset
        if isinstance(self.workplace_id, Unset):
            workplace_id = UNSET
        else:
            workplace_id = self.workplace_id

        national_id: None | str | Unset
        if isinstance(self.national_id, Unset):
            national_id = UNSET
        else:
            national_id = self.national_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "full_name": full_name,
                "birth_year": birth_year,
                "sex": sex,
                "target_group": target_group,
                "unit_id": unit_id,
            }
        )
        if household_id is not UNSET:
            field_dict["household_id"] = household_id
        if workplace_id is not UNSET:
            field_dict["workplace_id"] = workplace_id
        if national_id is not UNSET:
            field_dict["national_id"] = national_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        full_name = d.pop("full_name")

        birth_year = d.pop("birth_year")

        sex = check_sex(d.pop("sex"))

        target_group = check_target_group(d.pop("target_group"))

        unit_id = d.pop("unit_id")

        def _parse_household_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        household_id = _parse_household_id(d.pop("household_id", UNSET))

        def _parse_workplace_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        workplace_id = _parse_workplace_id(d.pop("workplace_id", UNSET))

        def _parse_national_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        national_id = _parse_national_id(d.pop("national_id", UNSET))

        citizen_request = cls(
            full_name=full_name,
            birth_year=birth_year,
            sex=sex,
            target_group=target_group,
            unit_id=unit_id,
            household_id=household_id,
            workplace_id=workplace_id,
            national_id=national_id,
        )

        return citizen_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex, check_sex
from ..models.target_group import TargetGroup, check_target_group
from ..types import UNSET, Unset

T = TypeVar("T", bound="CitizenDto")


@_attrs_define
class CitizenDto:
    """A citizen. The national ID number is never returned.

    Attributes:
        id (int):
        full_name (str):
        birth_year (int):
        sex (Sex):
        target_group (TargetGroup): The target group of the learning-citizen criteria (QĐ 324/QĐ-KHVN).
        unit_id (int):
        version (int):
        updated_at (datetime.datetime):
        deleted (bool): A deletion marker, in sync reads.
        household_id (int | None | Unset):
        workplace_id (int | None | Unset): The organisation the citizen works or studies at.
        external_id (None | str | Unset): The province's own key of the record, when it came from an import.
        import_job_id (int | None | Unset): The import that last created or changed the record (`GET
            /api/v1/imports/{id}`).
    """

    id: int
    full_name: str
    birth_year: int
    sex: Sex
    target_group: TargetGroup
    unit_id: int
    version: int
    updated_at: datetime.datetime
    deleted: bool
    household_id: int | None | Unset = UNSET
    workplace_id: int | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    import_job_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        full_name = self.full_name

        birth_year = self.birth_year

        sex: str = self.sex

        target_group: str = self.target_group

        unit_id = self.unit_id

        version = self.version

        updated_at = self.updated_at.isoformat()

        deleted = self.deleted

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

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        import_job_id: int | None | Unset
        if isinstance(self.import_job_id, Unset):
            import_job_id = UNSET
        else:
            import_job_id = self.import_job_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "full_name": full_name,
                "birth_year": birth_year,
                "sex": sex,
                "target_group": target_group,
                "unit_id": unit_id,
                "version": version,
                "updated_at": updated_at,
                "deleted": deleted,
            }
        )
        if household_id is not UNSET:
            field_dict["household_id"] = household_id
        if workplace_id is not UNSET:
            field_dict["workplace_id"] = workplace_id
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if import_job_id is not UNSET:
            field_dict["import_job_id"] = import_job_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        full_name = d.pop("full_name")

        birth_year = d.pop("birth_year")

        sex = check_sex(d.pop("sex"))

        target_group = check_target_group(d.pop("target_group"))

        unit_id = d.pop("unit_id")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        deleted = d.pop("deleted")

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

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        def _parse_import_job_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        import_job_id = _parse_import_job_id(d.pop("import_job_id", UNSET))

        citizen_dto = cls(
            id=id,
            full_name=full_name,
            birth_year=birth_year,
            sex=sex,
            target_group=target_group,
            unit_id=unit_id,
            version=version,
            updated_at=updated_at,
            deleted=deleted,
            household_id=household_id,
            workplace_id=workplace_id,
            external_id=external_id,
            import_job_id=import_job_id,
        )

        citizen_dto.additional_properties = d
        return citizen_dto

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

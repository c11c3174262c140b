from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CentreDto")


@_attrs_define
class CentreDto:
    """A community learning centre (trung tâm học tập cộng đồng), one per commune.

    Attributes:
        id (int):
        name (str):
        unit_id (int):
        activities_count (int):
        version (int):
        updated_at (datetime.datetime):
        deleted (bool):
        director_name (None | str | Unset):
        external_id (None | str | Unset): The province's own key of the record, when it came from an import.
        import_job_id (int | None | Unset): The import that last created or changed the record (`GET
            /api/v1/imports/{id}`).
    """

    id: int
    name: str
    unit_id: int
    activities_count: int
    version: int
    updated_at: datetime.datetime
    deleted: bool
    director_name: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    import_job_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        unit_id = self.unit_id

        activities_count = self.activities_count

        version = self.version

        updated_at = self.updated_at.isoformat()

        deleted = self.deleted

        director_name: None | str | Unset
        if isinstance(self.director_name, Unset):
            director_name = UNSET
        else:
            director_name = self.director_name

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
                "name": name,
                "unit_id": unit_id,
                "activities_count": activities_count,
                "version": version,
                "updated_at": updated_at,
                "deleted": deleted,
            }
        )
        if director_name is not UNSET:
            field_dict["director_name"] = director_name
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if import_job_id is not UNSET:
            field_dict["import_job_id"] = import_job_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        unit_id = d.pop("unit_id")

        activities_count = d.pop("activities_count")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        deleted = d.pop("deleted")

        def _parse_director_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        director_name = _parse_director_name(d.pop("director_name", UNSET))

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

        centre_dto = cls(
            id=id,
            name=name,
            unit_id=unit_id,
            activities_count=activities_count,
            version=version,
            updated_at=updated_at,
            deleted=deleted,
            director_name=director_name,
            external_id=external_id,
            import_job_id=import_job_id,
        )

        centre_dto.additional_properties = d
        return centre_dto

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.audit_entry_dto_changes import AuditEntryDtoChanges


T = TypeVar("T", bound="AuditEntryDto")


@_attrs_define
class AuditEntryDto:
    """One change: who, when, what, with the fields before and after.

    Attributes:
        id (int):
        at (datetime.datetime):
        actor_username (str):
        request_id (str):
        entity (str):
        entity_id (str):
        action (str):
        changes (AuditEntryDtoChanges): `{"field": {"before": …, "after": …}}` for the fields that changed.
        actor_id (int | None | Unset):
        unit_id (int | None | Unset):
    """

    id: int
    at: datetime.datetime
    actor_username: str
    request_id: str
    entity: str
    entity_id: str
    action: str
    changes: AuditEntryDtoChanges
    actor_id: int | None | Unset = UNSET
    unit_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at.isoformat()

        actor_username = self.actor_username

        request_id = self.request_id

        entity = self.entity

        entity_id = self.entity_id

        action = self.action

        changes = self.changes.to_dict()

        actor_id: int | None | Unset
        if isinstance(self.actor_id, Unset):
            actor_id = UNSET
        else:
            actor_id = self.actor_id

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "at": at,
                "actor_username": actor_username,
                "request_id": request_id,
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "changes": changes,
            }
        )
        if actor_id is not UNSET:
            field_dict["actor_id"] = actor_id
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_dto_changes import AuditEntryDtoChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        actor_username = d.pop("actor_username")

        request_id = d.pop("request_id")

        entity = d.pop("entity")

        entity_id = d.pop("entity_id")

        action = d.pop("action")

        changes = AuditEntryDtoChanges.from_dict(d.pop("changes"))

        def _parse_actor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        actor_id = _parse_actor_id(d.pop("actor_id", UNSET))

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        audit_entry_dto = cls(
            id=id,
            at=at,
            actor_username=actor_username,
            request_id=request_id,
            entity=entity,
            entity_id=entity_id,
            action=action,
            changes=changes,
            actor_id=actor_id,
            unit_id=unit_id,
        )

        audit_entry_dto.additional_properties = d
        return audit_entry_dto

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_kind import AccountKind, check_account_kind
from ..models.role import Role, check_role

T = TypeVar("T", bound="AccountDto")


@_attrs_define
class AccountDto:
    """An account. Never carries a password, a hash or a key.

    Attributes:
        id (int):
        username (str):
        display_name (str):
        kind (AccountKind):
        roles (list[Role]):
        unit_ids (list[int]): The units the account covers: it sees and changes only their subtrees.
        disabled (bool):
        must_change_password (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: int
    username: str
    display_name: str
    kind: AccountKind
    roles: list[Role]
    unit_ids: list[int]
    disabled: bool
    must_change_password: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        username = self.username

        display_name = self.display_name

        kind: str = self.kind

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        unit_ids = self.unit_ids

        disabled = self.disabled

        must_change_password = self.must_change_password

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "display_name": display_name,
                "kind": kind,
                "roles": roles,
                "unit_ids": unit_ids,
                "disabled": disabled,
                "must_change_password": must_change_password,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        username = d.pop("username")

        display_name = d.pop("display_name")

        kind = check_account_kind(d.pop("kind"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_role(roles_item_data)

            roles.append(roles_item)

        unit_ids = cast(list[int], d.pop("unit_ids"))

        disabled = d.pop("disabled")

        must_change_password = d.pop("must_change_password")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        account_dto = cls(
            id=id,
            username=username,
            display_name=display_name,
            kind=kind,
            roles=roles,
            unit_ids=unit_ids,
            disabled=disabled,
            must_change_password=must_change_password,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        account_dto.additional_properties = d
        return account_dto

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.account_kind import AccountKind, check_account_kind
from ..models.role import Role, check_role
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewAccountRequest")


@_attrs_define
class NewAccountRequest:
    """
    Example:
        {'username': 'cb.badinh', 'display_name': 'Nguyễn Văn An', 'kind': 'person', 'roles': ['commune_officer'],
            'unit_ids': [10845]}

    Attributes:
        username (str): Letters, digits, '.', '_' or '-'; 3–64 characters.
        display_name (str):
        kind (AccountKind):
        roles (list[Role]):
        unit_ids (list[int] | Unset): Required for every role but admin.
    """

    username: str
    display_name: str
    kind: AccountKind
    roles: list[Role]
    unit_ids: list[int] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        display_name = self.display_name

        kind: str = self.kind

        roles = []
        for roles_item_data in self.roles:
            roles_item: str = roles_item_data
            roles.append(roles_item)

        unit_ids: list[int] | Unset = UNSET
        if not isinstance(self.unit_ids, Unset):
            unit_ids = self.unit_ids

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "display_name": display_name,
                "kind": kind,
                "roles": roles,
            }
        )
        if unit_ids is not UNSET:
            field_dict["unit_ids"] = unit_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        display_name = d.pop("display_name")

        kind = check_account_kind(d.pop("kind"))

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = check_role(roles_item_data)

            roles.append(roles_item)

        unit_ids = cast(list[int], d.pop("unit_ids", UNSET))

        new_account_request = cls(
            username=username,
            display_name=display_name,
            kind=kind,
            roles=roles,
            unit_ids=unit_ids,
        )

        return new_account_request

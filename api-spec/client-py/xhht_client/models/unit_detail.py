from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.level import Level, check_level
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.former_name_dto import FormerNameDto
    from ..models.unit_ref import UnitRef


T = TypeVar("T", bound="UnitDetail")


@_attrs_define
class UnitDetail:
    """A unit with the names it had before.

    Attributes:
        id (int):
        code (str): Official code (2 digits province, 3 district, 5 commune) or the local code of a village.
        level (Level): The level of an administrative unit.
        name (str): The name on the `as_of` date of the request (lists), or the current name.
        division_type (str): The Vietnamese type word: tỉnh, thành phố trung ương, huyện, quận, xã, phường, đặc khu,
            thôn, tổ dân phố…
        depth (int): 0 for provinces; communes are 1 after the 2025 reform and 2 before it.
        version (int): Bumped on every change; the ETag of the unit.
        updated_at (datetime.datetime):
        former_names (list[FormerNameDto]):
        parent (None | UnitRef | Unset):
        valid_from (datetime.date | None | Unset): First day in force; null when the official list does not say (units
            older than the list).
        valid_to (datetime.date | None | Unset): Last day in force; null while the unit exists.
        code_list (None | str | Unset): The official list the code comes from: `qd124_2004`, `qd19_2025`; null for
            villages.
        closing_basis (None | str | Unset): The legal act that closed the unit on its own (not through a
            reorganisation).
    """

    id: int
    code: str
    level: Level
    name: str
    division_type: str
    depth: int
    version: int
    updated_at: datetime.datetime
    former_names: list[FormerNameDto]
    parent: None | UnitRef | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    code_list: None | str | Unset = UNSET
    closing_basis: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.unit_ref import UnitRef  # noqa: PLC0415

        id = self.id

        code = self.code

        level: str = self.level

        name = self.name

        division_type = self.division_type

        depth = self.depth

        version = self.version

        updated_at = self.updated_at.isoformat()

        former_names = []
        for former_names_item_data in self.former_names:
            former_names_item = former_names_item_data.to_dict()
            former_names.append(former_names_item)

        parent: dict[str, Any] | None | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        elif isinstance(self.parent, UnitRef):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        code_list: None | str | Unset
        if isinstance(self.code_list, Unset):
            code_list = UNSET
        else:
            code_list = self.code_list

        closing_basis: None | str | Unset
        if isinstance(self.closing_basis, Unset):
            closing_basis = UNSET
        else:
            closing_basis = self.closing_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
                "level": level,
                "name": name,
                "division_type": division_type,
                "depth": depth,
                "version": version,
                "updated_at": updated_at,
                "former_names": former_names,
            }
        )
        if parent is not UNSET:
            field_dict["parent"] = parent
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if code_list is not UNSET:
            field_dict["code_list"] = code_list
        if closing_basis is not UNSET:
            field_dict["closing_basis"] = closing_basis

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.former_name_dto import FormerNameDto  # noqa: PLC0415
        from ..models.unit_ref import UnitRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        level = check_level(d.pop("level"))

        name = d.pop("name")

        division_type = d.pop("division_type")

        depth = d.pop("depth")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        former_names = []
        _former_names = d.pop("former_names")
        for former_names_item_data in _former_names:
            former_names_item = FormerNameDto.from_dict(former_names_item_data)

            former_names.append(former_names_item)

        def _parse_parent(data: object) -> None | UnitRef | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_0 = UnitRef.from_dict(data)

                return parent_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UnitRef | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))

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

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        def _parse_code_list(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code_list = _parse_code_list(d.pop("code_list", UNSET))

        def _parse_closing_basis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closing_basis = _parse_closing_basis(d.pop("closing_basis", UNSET))

        unit_detail = cls(
            id=id,
            code=code,
            level=level,
            name=name,
            division_type=division_type,
            depth=depth,
            version=version,
            updated_at=updated_at,
            former_names=former_names,
            parent=parent,
            valid_from=valid_from,
            valid_to=valid_to,
            code_list=code_list,
            closing_basis=closing_basis,
        )

        unit_detail.additional_properties = d
        return unit_detail

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

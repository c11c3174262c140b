from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.unit_dto import UnitDto


T = TypeVar("T", bound="MovedVillage")


@_attrs_define
class MovedVillage:
    """A village a reorganisation moved: as it closed, and as it opened under its new commune.

    Attributes:
        from_ (UnitDto): An administrative unit: a code in a period. Codes are reused across eras (`00004` was
            Phường Trúc Bạch until 2025-06-30 and is Phường Ba Đình from 2025-07-01), so `id` is the
            identity. Example: {'id': 10845, 'code': '00004', 'level': 'commune', 'name': 'Phường Ba Đình', 'division_type':
            'phường', 'parent': {'id': 10811, 'code': '01', 'level': 'province', 'name': 'Thành phố Hà Nội'}, 'depth': 1,
            'valid_from': '2025-07-01', 'valid_to': None, 'code_list': 'qd19_2025', 'closing_basis': None, 'version': 1,
            'updated_at': '2026-11-23T08:00:00Z'}.
        to (UnitDto): An administrative unit: a code in a period. Codes are reused across eras (`00004` was
            Phường Trúc Bạch until 2025-06-30 and is Phường Ba Đình from 2025-07-01), so `id` is the
            identity. Example: {'id': 10845, 'code': '00004', 'level': 'commune', 'name': 'Phường Ba Đình', 'division_type':
            'phường', 'parent': {'id': 10811, 'code': '01', 'level': 'province', 'name': 'Thành phố Hà Nội'}, 'depth': 1,
            'valid_from': '2025-07-01', 'valid_to': None, 'code_list': 'qd19_2025', 'closing_basis': None, 'version': 1,
            'updated_at': '2026-11-23T08:00:00Z'}.
    """

    from_: UnitDto
    to: UnitDto
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_dto import UnitDto  # noqa: PLC0415

        d = dict(src_dict)
        from_ = UnitDto.from_dict(d.pop("from"))

        to = UnitDto.from_dict(d.pop("to"))

        moved_village = cls(
            from_=from_,
            to=to,
        )

        moved_village.additional_properties = d
        return moved_village

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

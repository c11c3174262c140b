from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.new_target_unit import NewTargetUnit


T = TypeVar("T", bound="ReorganisationTarget")


@_attrs_define
class ReorganisationTarget:
    """A target: an existing unit (`unit_id`) that absorbs the sources, or a unit to open (`new`).

    Attributes:
        unit_id (int | None | Unset):
        new (NewTargetUnit | None | Unset):
    """

    unit_id: int | None | Unset = UNSET
    new: NewTargetUnit | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.new_target_unit import NewTargetUnit  # noqa: PLC0415

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        new: dict[str, Any] | None | Unset
        if isinstance(self.new, Unset):
            new = UNSET
        elif isinstance(self.new, NewTargetUnit):
            new = self.new.to_dict()
        else:
            new = self.new

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if new is not UNSET:
            field_dict["new"] = new

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_target_unit import NewTargetUnit  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_new(data: object) -> NewTargetUnit | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                new_type_0 = NewTargetUnit.from_dict(data)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NewTargetUnit | None | Unset, data)

        new = _parse_new(d.pop("new", UNSET))

        reorganisation_target = cls(
            unit_id=unit_id,
            new=new,
        )

        return reorganisation_target

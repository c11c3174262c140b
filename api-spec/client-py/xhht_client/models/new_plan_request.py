from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.emulation_plan import EmulationPlan


T = TypeVar("T", bound="NewPlanRequest")


@_attrs_define
class NewPlanRequest:
    """Records a plan: its decision, phases, participants and their pass/fail criteria.

    Attributes:
        document (EmulationPlan): One emulation plan.
        unit_id (int | None | Unset): The issuing unit (of the plan's level, in force on the decision's date); absent
            for a
            national plan (administrators).
    """

    document: EmulationPlan
    unit_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document = self.document.to_dict()

        unit_id: int | None | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document": document,
            }
        )
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.emulation_plan import EmulationPlan  # noqa: PLC0415

        d = dict(src_dict)
        document = EmulationPlan.from_dict(d.pop("document"))

        def _parse_unit_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        new_plan_request = cls(
            document=document,
            unit_id=unit_id,
        )

        return new_plan_request

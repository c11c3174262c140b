from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NewReviewRequest")


@_attrs_define
class NewReviewRequest:
    """Opens the review (sơ kết, tổng kết) of a phase by a unit.

    Example:
        {'phase_id': 'gd1', 'unit_id': 664, 'held_on': '2025-06-20'}

    Attributes:
        phase_id (str):
        unit_id (int): The unit that holds it: the plan's own, or one under it reviewing its participants.
        held_on (datetime.date):
    """

    phase_id: str
    unit_id: int
    held_on: datetime.date

    def to_dict(self) -> dict[str, Any]:
        phase_id = self.phase_id

        unit_id = self.unit_id

        held_on = self.held_on.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "phase_id": phase_id,
                "unit_id": unit_id,
                "held_on": held_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phase_id = d.pop("phase_id")

        unit_id = d.pop("unit_id")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        new_review_request = cls(
            phase_id=phase_id,
            unit_id=unit_id,
            held_on=held_on,
        )

        return new_review_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.review_kind import ReviewKind, check_review_kind

T = TypeVar("T", bound="Phase")


@_attrs_define
class Phase:
    """A phase of a plan and the review that closes it.

    Attributes:
        id (str):
        name_vi (str):
        starts_on (datetime.date):
        ends_on (datetime.date):
        review_year (int): The year of the phase's review.
        review (ReviewKind): Sơ kết (a mid-term review) or tổng kết (the final one).
    """

    id: str
    name_vi: str
    starts_on: datetime.date
    ends_on: datetime.date
    review_year: int
    review: ReviewKind

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        starts_on = self.starts_on.isoformat()

        ends_on = self.ends_on.isoformat()

        review_year = self.review_year

        review: str = self.review

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "review_year": review_year,
                "review": review,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        review_year = d.pop("review_year")

        review = check_review_kind(d.pop("review"))

        phase = cls(
            id=id,
            name_vi=name_vi,
            starts_on=starts_on,
            ends_on=ends_on,
            review_year=review_year,
            review=review,
        )

        return phase

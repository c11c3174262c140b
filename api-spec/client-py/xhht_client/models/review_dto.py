from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.review_kind import ReviewKind, check_review_kind

if TYPE_CHECKING:
    from ..models.report_dto import ReportDto


T = TypeVar("T", bound="ReviewDto")


@_attrs_define
class ReviewDto:
    """
    Attributes:
        id (int):
        plan_id (int):
        phase_id (str):
        phase_name_vi (str):
        review_kind (ReviewKind): Sơ kết (a mid-term review) or tổng kết (the final one).
        unit_id (int):
        held_on (datetime.date):
        closed (bool):
        version (int): The ETag for closing.
        reports (list[ReportDto]):
    """

    id: int
    plan_id: int
    phase_id: str
    phase_name_vi: str
    review_kind: ReviewKind
    unit_id: int
    held_on: datetime.date
    closed: bool
    version: int
    reports: list[ReportDto]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        plan_id = self.plan_id

        phase_id = self.phase_id

        phase_name_vi = self.phase_name_vi

        review_kind: str = self.review_kind

        unit_id = self.unit_id

        held_on = self.held_on.isoformat()

        closed = self.closed

        version = self.version

        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "plan_id": plan_id,
                "phase_id": phase_id,
                "phase_name_vi": phase_name_vi,
                "review_kind": review_kind,
                "unit_id": unit_id,
                "held_on": held_on,
                "closed": closed,
                "version": version,
                "reports": reports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_dto import ReportDto  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        plan_id = d.pop("plan_id")

        phase_id = d.pop("phase_id")

        phase_name_vi = d.pop("phase_name_vi")

        review_kind = check_review_kind(d.pop("review_kind"))

        unit_id = d.pop("unit_id")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        closed = d.pop("closed")

        version = d.pop("version")

        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = ReportDto.from_dict(reports_item_data)

            reports.append(reports_item)

        review_dto = cls(
            id=id,
            plan_id=plan_id,
            phase_id=phase_id,
            phase_name_vi=phase_name_vi,
            review_kind=review_kind,
            unit_id=unit_id,
            held_on=held_on,
            closed=closed,
            version=version,
            reports=reports,
        )

        review_dto.additional_properties = d
        return review_dto

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

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.award_kind import AwardKind, check_award_kind
from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AwardDto")


@_attrs_define
class AwardDto:
    """
    Attributes:
        id (int):
        kind (AwardKind): The kinds of award.
        title_vi (str):
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        name (str):
        unit_id (int):
        decision_number (str):
        decided_on (datetime.date):
        authority_vi (str):
        plan_id (int | None | Unset):
        phase_id (None | str | Unset):
        review_id (int | None | Unset):
    """

    id: int
    kind: AwardKind
    title_vi: str
    subject_type: SubjectKind
    subject_id: int
    name: str
    unit_id: int
    decision_number: str
    decided_on: datetime.date
    authority_vi: str
    plan_id: int | None | Unset = UNSET
    phase_id: None | str | Unset = UNSET
    review_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str = self.kind

        title_vi = self.title_vi

        subject_type: str = self.subject_type

        subject_id = self.subject_id

        name = self.name

        unit_id = self.unit_id

        decision_number = self.decision_number

        decided_on = self.decided_on.isoformat()

        authority_vi = self.authority_vi

        plan_id: int | None | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        phase_id: None | str | Unset
        if isinstance(self.phase_id, Unset):
            phase_id = UNSET
        else:
            phase_id = self.phase_id

        review_id: int | None | Unset
        if isinstance(self.review_id, Unset):
            review_id = UNSET
        else:
            review_id = self.review_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "title_vi": title_vi,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "name": name,
                "unit_id": unit_id,
                "decision_number": decision_number,
                "decided_on": decided_on,
                "authority_vi": authority_vi,
            }
        )
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if phase_id is not UNSET:
            field_dict["phase_id"] = phase_id
        if review_id is not UNSET:
            field_dict["review_id"] = review_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = check_award_kind(d.pop("kind"))

        title_vi = d.pop("title_vi")

        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        name = d.pop("name")

        unit_id = d.pop("unit_id")

        decision_number = d.pop("decision_number")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        authority_vi = d.pop("authority_vi")

        def _parse_plan_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_phase_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phase_id = _parse_phase_id(d.pop("phase_id", UNSET))

        def _parse_review_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_id = _parse_review_id(d.pop("review_id", UNSET))

        award_dto = cls(
            id=id,
            kind=kind,
            title_vi=title_vi,
            subject_type=subject_type,
            subject_id=subject_id,
            name=name,
            unit_id=unit_id,
            decision_number=decision_number,
            decided_on=decided_on,
            authority_vi=authority_vi,
            plan_id=plan_id,
            phase_id=phase_id,
            review_id=review_id,
        )

        award_dto.additional_properties = d
        return award_dto

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

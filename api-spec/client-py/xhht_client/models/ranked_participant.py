from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subject_kind import SubjectKind, check_subject_kind

T = TypeVar("T", bound="RankedParticipant")


@_attrs_define
class RankedParticipant:
    """A participant's place in a review.

    Attributes:
        rank (int):
        participant_kind (str):
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        name (str):
        passed (int):
        criteria (int):
        proposed (bool): Every criterion passed: proposed for commendation.
        report_id (int):
    """

    rank: int
    participant_kind: str
    subject_type: SubjectKind
    subject_id: int
    name: str
    passed: int
    criteria: int
    proposed: bool
    report_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rank = self.rank

        participant_kind = self.participant_kind

        subject_type: str = self.subject_type

        subject_id = self.subject_id

        name = self.name

        passed = self.passed

        criteria = self.criteria

        proposed = self.proposed

        report_id = self.report_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rank": rank,
                "participant_kind": participant_kind,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "name": name,
                "passed": passed,
                "criteria": criteria,
                "proposed": proposed,
                "report_id": report_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rank = d.pop("rank")

        participant_kind = d.pop("participant_kind")

        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        name = d.pop("name")

        passed = d.pop("passed")

        criteria = d.pop("criteria")

        proposed = d.pop("proposed")

        report_id = d.pop("report_id")

        ranked_participant = cls(
            rank=rank,
            participant_kind=participant_kind,
            subject_type=subject_type,
            subject_id=subject_id,
            name=name,
            passed=passed,
            criteria=criteria,
            proposed=proposed,
            report_id=report_id,
        )

        ranked_participant.additional_properties = d
        return ranked_participant

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

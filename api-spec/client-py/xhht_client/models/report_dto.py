from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_dto_answers import ReportDtoAnswers
    from ..models.report_dto_marks_type_0 import ReportDtoMarksType0
    from ..models.report_evidence_type_0 import ReportEvidenceType0
    from ..models.report_evidence_type_1 import ReportEvidenceType1


T = TypeVar("T", bound="ReportDto")


@_attrs_define
class ReportDto:
    """
    Attributes:
        id (int):
        review_id (int):
        participant_kind (str):
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        unit_id (int):
        answers (ReportDtoAnswers):
        evidence (list[ReportEvidenceType0 | ReportEvidenceType1]):
        criteria (int):
        version (int):
        marks (None | ReportDtoMarksType0 | Unset):
        marks_note (None | str | Unset):
        passed (int | None | Unset): Criteria marked passed, and how many there are.
    """

    id: int
    review_id: int
    participant_kind: str
    subject_type: SubjectKind
    subject_id: int
    unit_id: int
    answers: ReportDtoAnswers
    evidence: list[ReportEvidenceType0 | ReportEvidenceType1]
    criteria: int
    version: int
    marks: None | ReportDtoMarksType0 | Unset = UNSET
    marks_note: None | str | Unset = UNSET
    passed: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_dto_marks_type_0 import ReportDtoMarksType0  # noqa: PLC0415
        from ..models.report_evidence_type_0 import ReportEvidenceType0  # noqa: PLC0415

        id = self.id

        review_id = self.review_id

        participant_kind = self.participant_kind

        subject_type: str = self.subject_type

        subject_id = self.subject_id

        unit_id = self.unit_id

        answers = self.answers.to_dict()

        evidence = []
        for evidence_item_data in self.evidence:
            evidence_item: dict[str, Any]
            if isinstance(evidence_item_data, ReportEvidenceType0):
                evidence_item = evidence_item_data.to_dict()
            else:
                evidence_item = evidence_item_data.to_dict()

            evidence.append(evidence_item)

        criteria = self.criteria

        version = self.version

        marks: dict[str, Any] | None | Unset
        if isinstance(self.marks, Unset):
            marks = UNSET
        elif isinstance(self.marks, ReportDtoMarksType0):
            marks = self.marks.to_dict()
        else:
            marks = self.marks

        marks_note: None | str | Unset
        if isinstance(self.marks_note, Unset):
            marks_note = UNSET
        else:
            marks_note = self.marks_note

        passed: int | None | Unset
        if isinstance(self.passed, Unset):
            passed = UNSET
        else:
            passed = self.passed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "review_id": review_id,
                "participant_kind": participant_kind,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "unit_id": unit_id,
                "answers": answers,
                "evidence": evidence,
                "criteria": criteria,
                "version": version,
            }
        )
        if marks is not UNSET:
            field_dict["marks"] = marks
        if marks_note is not UNSET:
            field_dict["marks_note"] = marks_note
        if passed is not UNSET:
            field_dict["passed"] = passed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_dto_answers import ReportDtoAnswers  # noqa: PLC0415
        from ..models.report_dto_marks_type_0 import ReportDtoMarksType0  # noqa: PLC0415
        from ..models.report_evidence_type_0 import ReportEvidenceType0  # noqa: PLC0415
        from ..models.report_evidence_type_1 import ReportEvidenceType1  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        review_id = d.pop("review_id")

        participant_kind = d.pop("participant_kind")

        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        unit_id = d.pop("unit_id")

        answers = ReportDtoAnswers.from_dict(d.pop("answers"))

        evidence = []
        _evidence = d.pop("evidence")
        for evidence_item_data in _evidence:

            def _parse_evidence_item(data: object) -> ReportEvidenceType0 | ReportEvidenceType1:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_report_evidence_type_0 = ReportEvidenceType0.from_dict(data)

                    return componentsschemas_report_evidence_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_report_evidence_type_1 = ReportEvidenceType1.from_dict(data)

                return componentsschemas_report_evidence_type_1

            evidence_item = _parse_evidence_item(evidence_item_data)

            evidence.append(evidence_item)

        criteria = d.pop("criteria")

        version = d.pop("version")

        def _parse_marks(data: object) -> None | ReportDtoMarksType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                marks_type_0 = ReportDtoMarksType0.from_dict(data)

                return marks_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportDtoMarksType0 | Unset, data)

        marks = _parse_marks(d.pop("marks", UNSET))

        def _parse_marks_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        marks_note = _parse_marks_note(d.pop("marks_note", UNSET))

        def _parse_passed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        passed = _parse_passed(d.pop("passed", UNSET))

        report_dto = cls(
            id=id,
            review_id=review_id,
            participant_kind=participant_kind,
            subject_type=subject_type,
            subject_id=subject_id,
            unit_id=unit_id,
            answers=answers,
            evidence=evidence,
            criteria=criteria,
            version=version,
            marks=marks,
            marks_note=marks_note,
            passed=passed,
        )

        report_dto.additional_properties = d
        return report_dto

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

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.new_report_request_answers import NewReportRequestAnswers
    from ..models.report_evidence_type_0 import ReportEvidenceType0
    from ..models.report_evidence_type_1 import ReportEvidenceType1


T = TypeVar("T", bound="NewReportRequest")


@_attrs_define
class NewReportRequest:
    """A participant's report: its answers to the plan's criteria for its kind, with evidence.

    Example:
        {'participant_kind': 'xa', 'subject_type': 'unit', 'subject_id': 24604, 'answers': {'TC1': True, 'TC2': True},
            'evidence': [{'indicator_id': 'TC1', 'note': 'Báo cáo số 12/BC-UBND'}]}

    Attributes:
        participant_kind (str): The participant kind of the plan (`xa`, `ho_dong_ho`, …).
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        answers (NewReportRequestAnswers): Criterion id → met.
        evidence (list[ReportEvidenceType0 | ReportEvidenceType1] | Unset):
    """

    participant_kind: str
    subject_type: SubjectKind
    subject_id: int
    answers: NewReportRequestAnswers
    evidence: list[ReportEvidenceType0 | ReportEvidenceType1] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.report_evidence_type_0 import ReportEvidenceType0  # noqa: PLC0415

        participant_kind = self.participant_kind

        subject_type: str = self.subject_type

        subject_id = self.subject_id

        answers = self.answers.to_dict()

        evidence: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = []
            for evidence_item_data in self.evidence:
                evidence_item: dict[str, Any]
                if isinstance(evidence_item_data, ReportEvidenceType0):
                    evidence_item = evidence_item_data.to_dict()
                else:
                    evidence_item = evidence_item_data.to_dict()

                evidence.append(evidence_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "participant_kind": participant_kind,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "answers": answers,
            }
        )
        if evidence is not UNSET:
            field_dict["evidence"] = evidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.new_report_request_answers import NewReportRequestAnswers  # noqa: PLC0415
        from ..models.report_evidence_type_0 import ReportEvidenceType0  # noqa: PLC0415
        from ..models.report_evidence_type_1 import ReportEvidenceType1  # noqa: PLC0415

        d = dict(src_dict)
        participant_kind = d.pop("participant_kind")

        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        answers = NewReportRequestAnswers.from_dict(d.pop("answers"))

        _evidence = d.pop("evidence", UNSET)
        evidence: list[ReportEvidenceType0 | ReportEvidenceType1] | Unset = UNSET
        if _evidence is not UNSET:
            evidence = []
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

        new_report_request = cls(
            participant_kind=participant_kind,
            subject_type=subject_type,
            subject_id=subject_id,
            answers=answers,
            evidence=evidence,
        )

        return new_report_request

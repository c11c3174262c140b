from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evaluation_action import EvaluationAction, check_evaluation_action
from ..models.evaluation_status import EvaluationStatus, check_evaluation_status
from ..models.model_kind import ModelKind, check_model_kind
from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.answer_difference import AnswerDifference
    from ..models.current_result import CurrentResult
    from ..models.evaluation_dto_inspection_answers_type_0 import EvaluationDtoInspectionAnswersType0
    from ..models.evaluation_dto_outcome_type_0 import EvaluationDtoOutcomeType0
    from ..models.evaluation_dto_self_answers import EvaluationDtoSelfAnswers


T = TypeVar("T", bound="EvaluationDto")


@_attrs_define
class EvaluationDto:
    """One subject's evaluation for one model and year, pinned to the framework version it uses.

    Attributes:
        id (int):
        subject_type (SubjectKind): What an evaluation is about.
        subject_id (int):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        year (int):
        framework_id (int): The exact framework version; a recognition always reproduces from it.
        unit_id (int):
        status (EvaluationStatus): Where an evaluation stands in the yearly workflow.
        self_answers (EvaluationDtoSelfAnswers): Indicator id → answer.
        differences (list[AnswerDifference]):
        late (bool): Filed after the framework's deadline (flagged, when the framework flags late filings).
        version (int):
        updated_at (datetime.datetime):
        allowed_actions (list[EvaluationAction]): What the caller may do now: exactly the steps that would succeed, as
            the data stands.
        requested_level (None | str | Unset):
        inspection_answers (EvaluationDtoInspectionAnswersType0 | None | Unset):
        submitted_at (datetime.datetime | None | Unset):
        inspected_at (datetime.datetime | None | Unset):
        result_level (None | str | Unset): The level decided (e.g. `muc_do_1`, `tot`).
        result_points (float | None | Unset):
        outcome (EvaluationDtoOutcomeType0 | None | Unset): The scored outcome the decision rests on, with a reason per
            indicator.
        decision_id (int | None | Unset):
        decided_on (datetime.date | None | Unset):
        valid_until (datetime.date | None | Unset): The last day the recognition is kept.
        current_result (CurrentResult | None | Unset):
    """

    id: int
    subject_type: SubjectKind
    subject_id: int
    model_kind: ModelKind
    year: int
    framework_id: int
    unit_id: int
    status: EvaluationStatus
    self_answers: EvaluationDtoSelfAnswers
    differences: list[AnswerDifference]
    late: bool
    version: int
    updated_at: datetime.datetime
    allowed_actions: list[EvaluationAction]
    requested_level: None | str | Unset = UNSET
    inspection_answers: EvaluationDtoInspectionAnswersType0 | None | Unset = UNSET
    submitted_at: datetime.datetime | None | Unset = UNSET
    inspected_at: datetime.datetime | None | Unset = UNSET
    result_level: None | str | Unset = UNSET
    result_points: float | None | Unset = UNSET
    outcome: EvaluationDtoOutcomeType0 | None | Unset = UNSET
    decision_id: int | None | Unset = UNSET
    decided_on: datetime.date | None | Unset = UNSET
    valid_until: datetime.date | None | Unset = UNSET
    current_result: CurrentResult | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.current_result import CurrentResult  # noqa: PLC0415
        from ..models.evaluation_dto_inspection_answers_type_0 import EvaluationDtoInspectionAnswersType0  # noqa: PLC0415
        from ..models.evaluation_dto_outcome_type_0 import EvaluationDtoOutcomeType0  # noqa: PLC0415

        id = self.id

        subject_type: str = self.subject_type

        subject_id = self.subject_id

        model_kind: str = self.model_kind

        year = self.year

        framework_id = self.framework_id

        unit_id = self.unit_id

        status: str = self.status

        self_answers = self.self_answers.to_dict()

        differences = []
        for differences_item_data in self.differences:
            differences_item = differences_item_data.to_dict()
            differences.append(differences_item)

        late = self.late

        version = self.version

        updated_at = self.updated_at.isoformat()

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item: str = allowed_actions_item_data
            allowed_actions.append(allowed_actions_item)

        requested_level: None | str | Unset
        if isinstance(self.requested_level, Unset):
            requested_level = UNSET
        else:
            requested_level = self.requested_level

        inspection_answers: dict[str, Any] | None | Unset
        if isinstance(self.inspection_answers, Unset):
            inspection_answers = UNSET
        elif isinstance(self.inspection_answers, EvaluationDtoInspectionAnswersType0):
            inspection_answers = self.inspection_answers.to_dict()
        else:
            inspection_answers = self.inspection_answers

        submitted_at: None | str | Unset
        if isinstance(self.submitted_at, Unset):
            submitted_at = UNSET
        elif isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        inspected_at: None | str | Unset
        if isinstance(self.inspected_at, Unset):
            inspected_at = UNSET
        elif isinstance(self.inspected_at, datetime.datetime):
            inspected_at = self.inspected_at.isoformat()
        else:
            inspected_at = self.inspected_at

        result_level: None | str | Unset
        if isinstance(self.result_level, Unset):
            result_level = UNSET
        else:
            result_level = self.result_level

        result_points: float | None | Unset
        if isinstance(self.result_points, Unset):
            result_points = UNSET
        else:
            result_points = self.result_points

        outcome: dict[str, Any] | None | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, EvaluationDtoOutcomeType0):
            outcome = self.outcome.to_dict()
        else:
            outcome = self.outcome

        decision_id: int | None | Unset
        if isinstance(self.decision_id, Unset):
            decision_id = UNSET
        else:
            decision_id = self.decision_id

        decided_on: None | str | Unset
        if isinstance(self.decided_on, Unset):
            decided_on = UNSET
        elif isinstance(self.decided_on, datetime.date):
            decided_on = self.decided_on.isoformat()
        else:
            decided_on = self.decided_on

        valid_until: None | str | Unset
        if isinstance(self.valid_until, Unset):
            valid_until = UNSET
        elif isinstance(self.valid_until, datetime.date):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        current_result: dict[str, Any] | None | Unset
        if isinstance(self.current_result, Unset):
            current_result = UNSET
        elif isinstance(self.current_result, CurrentResult):
            current_result = self.current_result.to_dict()
        else:
            current_result = self.current_result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "model_kind": model_kind,
                "year": year,
                "framework_id": framework_id,
                "unit_id": unit_id,
                "status": status,
                "self_answers": self_answers,
                "differences": differences,
                "late": late,
                "version": version,
                "updated_at": updated_at,
                "allowed_actions": allowed_actions,
            }
        )
        if requested_level is not UNSET:
            field_dict["requested_level"] = requested_level
        if inspection_answers is not UNSET:
            field_dict["inspection_answers"] = inspection_answers
        if submitted_at is not UNSET:
            field_dict["submitted_at"] = submitted_at
        if inspected_at is not UNSET:
            field_dict["inspected_at"] = inspected_at
        if result_level is not UNSET:
            field_dict["result_level"] = result_level
        if result_points is not UNSET:
            field_dict["result_points"] = result_points
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if decision_id is not UNSET:
            field_dict["decision_id"] = decision_id
        if decided_on is not UNSET:
            field_dict["decided_on"] = decided_on
        if valid_until is not UNSET:
            field_dict["valid_until"] = valid_until
        if current_result is not UNSET:
            field_dict["current_result"] = current_result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_difference import AnswerDifference  # noqa: PLC0415
        from ..models.current_result import CurrentResult  # noqa: PLC0415
        from ..models.evaluation_dto_inspection_answers_type_0 import EvaluationDtoInspectionAnswersType0  # noqa: PLC0415
        from ..models.evaluation_dto_outcome_type_0 import EvaluationDtoOutcomeType0  # noqa: PLC0415
        from ..models.evaluation_dto_self_answers import EvaluationDtoSelfAnswers  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        subject_type = check_subject_kind(d.pop("subject_type"))

        subject_id = d.pop("subject_id")

        model_kind = check_model_kind(d.pop("model_kind"))

        year = d.pop("year")

        framework_id = d.pop("framework_id")

        unit_id = d.pop("unit_id")

        status = check_evaluation_status(d.pop("status"))

        self_answers = EvaluationDtoSelfAnswers.from_dict(d.pop("self_answers"))

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:
            differences_item = AnswerDifference.from_dict(differences_item_data)

            differences.append(differences_item)

        late = d.pop("late")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = check_evaluation_action(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        def _parse_requested_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_level = _parse_requested_level(d.pop("requested_level", UNSET))

        def _parse_inspection_answers(data: object) -> EvaluationDtoInspectionAnswersType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                inspection_answers_type_0 = EvaluationDtoInspectionAnswersType0.from_dict(data)

                return inspection_answers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationDtoInspectionAnswersType0 | None | Unset, data)

        inspection_answers = _parse_inspection_answers(d.pop("inspection_answers", UNSET))

        def _parse_submitted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at", UNSET))

        def _parse_inspected_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inspected_at_type_0 = datetime.datetime.fromisoformat(data)

                return inspected_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        inspected_at = _parse_inspected_at(d.pop("inspected_at", UNSET))

        def _parse_result_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result_level = _parse_result_level(d.pop("result_level", UNSET))

        def _parse_result_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        result_points = _parse_result_points(d.pop("result_points", UNSET))

        def _parse_outcome(data: object) -> EvaluationDtoOutcomeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outcome_type_0 = EvaluationDtoOutcomeType0.from_dict(data)

                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluationDtoOutcomeType0 | None | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_decision_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decision_id = _parse_decision_id(d.pop("decision_id", UNSET))

        def _parse_decided_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_on_type_0 = datetime.date.fromisoformat(data)

                return decided_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        decided_on = _parse_decided_on(d.pop("decided_on", UNSET))

        def _parse_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.date.fromisoformat(data)

                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_until = _parse_valid_until(d.pop("valid_until", UNSET))

        def _parse_current_result(data: object) -> CurrentResult | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_result_type_0 = CurrentResult.from_dict(data)

                return current_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CurrentResult | None | Unset, data)

        current_result = _parse_current_result(d.pop("current_result", UNSET))

        evaluation_dto = cls(
            id=id,
            subject_type=subject_type,
            subject_id=subject_id,
            model_kind=model_kind,
            year=year,
            framework_id=framework_id,
            unit_id=unit_id,
            status=status,
            self_answers=self_answers,
            differences=differences,
            late=late,
            version=version,
            updated_at=updated_at,
            allowed_actions=allowed_actions,
            requested_level=requested_level,
            inspection_answers=inspection_answers,
            submitted_at=submitted_at,
            inspected_at=inspected_at,
            result_level=result_level,
            result_points=result_points,
            outcome=outcome,
            decision_id=decision_id,
            decided_on=decided_on,
            valid_until=valid_until,
            current_result=current_result,
        )

        evaluation_dto.additional_properties = d
        return evaluation_dto

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

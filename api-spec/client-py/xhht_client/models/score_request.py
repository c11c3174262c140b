from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.score_request_subject_types_item import (
    ScoreRequestSubjectTypesItem,
    check_score_request_subject_types_item,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.score_request_answers import ScoreRequestAnswers
    from ..models.score_request_metrics_type_0 import ScoreRequestMetricsType0


T = TypeVar("T", bound="ScoreRequest")


@_attrs_define
class ScoreRequest:
    """Answers to score without storing anything.

    Example:
        {'answers': {'TC1.1': {'points': 10}, 'TC1.2': {'points': 8}}, 'evaluation_date': '2023-03-01'}

    Attributes:
        answers (ScoreRequestAnswers): Indicator id → `{"yes_no": true}`, `{"points": 8}`, `{"percentage": 88.5}`,
            `{"count": 3}` or `{"ordinal": "…"}`.
        metrics (None | ScoreRequestMetricsType0 | Unset): Metric name → percentage, for indicators the registry fills
            (e.g. `share_members_cong_dan_hoc_tap`).
        subject_types (list[ScoreRequestSubjectTypesItem] | Unset): The subject's types, for indicators that apply only
            to some (e.g. `upper_secondary_school`).
        evaluation_date (datetime.date | None | Unset): The day the result is decided on; today in Vietnam when absent.
        held_level1_since (datetime.date | None | Unset): The date of the subject's level-1 recognition, for level 2.
    """

    answers: ScoreRequestAnswers
    metrics: None | ScoreRequestMetricsType0 | Unset = UNSET
    subject_types: list[ScoreRequestSubjectTypesItem] | Unset = UNSET
    evaluation_date: datetime.date | None | Unset = UNSET
    held_level1_since: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.score_request_metrics_type_0 import ScoreRequestMetricsType0  # noqa: PLC0415

        answers = self.answers.to_dict()

        metrics: dict[str, Any] | None | Unset
        if isinstance(self.metrics, Unset):
            metrics = UNSET
        elif isinstance(self.metrics, ScoreRequestMetricsType0):
            metrics = self.metrics.to_dict()
        else:
            metrics = self.metrics

        subject_types: list[str] | Unset = UNSET
        if not isinstance(self.subject_types, Unset):
            subject_types = []
            for subject_types_item_data in self.subject_types:
                subject_types_item: str = subject_types_item_data
                subject_types.append(subject_types_item)

        evaluation_date: None | str | Unset
        if isinstance(self.evaluation_date, Unset):
            evaluation_date = UNSET
        elif isinstance(self.evaluation_date, datetime.date):
            evaluation_date = self.evaluation_date.isoformat()
        else:
            evaluation_date = self.evaluation_date

        held_level1_since: None | str | Unset
        if isinstance(self.held_level1_since, Unset):
            held_level1_since = UNSET
        elif isinstance(self.held_level1_since, datetime.date):
            held_level1_since = self.held_level1_since.isoformat()
        else:
            held_level1_since = self.held_level1_since

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )
        if metrics is not UNSET:
            field_dict["metrics"] = metrics
        if subject_types is not UNSET:
            field_dict["subject_types"] = subject_types
        if evaluation_date is not UNSET:
            field_dict["evaluation_date"] = evaluation_date
        if held_level1_since is not UNSET:
            field_dict["held_level1_since"] = held_level1_since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score_request_answers import ScoreRequestAnswers  # noqa: PLC0415
        from ..models.score_request_metrics_type_0 import ScoreRequestMetricsType0  # noqa: PLC0415

        d = dict(src_dict)
        answers = ScoreRequestAnswers.from_dict(d.pop("answers"))

        def _parse_metrics(data: object) -> None | ScoreRequestMetricsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metrics_type_0 = ScoreRequestMetricsType0.from_dict(data)

                return metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScoreRequestMetricsType0 | Unset, data)

        metrics = _parse_metrics(d.pop("metrics", UNSET))

        _subject_types = d.pop("subject_types", UNSET)
        subject_types: list[ScoreRequestSubjectTypesItem] | Unset = UNSET
        if _subject_types is not UNSET:
            subject_types = []
            for subject_types_item_data in _subject_types:
                subject_types_item = check_score_request_subject_types_item(subject_types_item_data)

                subject_types.append(subject_types_item)

        def _parse_evaluation_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                evaluation_date_type_0 = datetime.date.fromisoformat(data)

                return evaluation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        evaluation_date = _parse_evaluation_date(d.pop("evaluation_date", UNSET))

        def _parse_held_level1_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                held_level1_since_type_0 = datetime.date.fromisoformat(data)

                return held_level1_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        held_level1_since = _parse_held_level1_since(d.pop("held_level1_since", UNSET))

        score_request = cls(
            answers=answers,
            metrics=metrics,
            subject_types=subject_types,
            evaluation_date=evaluation_date,
            held_level1_since=held_level1_since,
        )

        return score_request

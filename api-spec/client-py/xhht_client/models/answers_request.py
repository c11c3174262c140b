from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.answers_request_answers import AnswersRequestAnswers


T = TypeVar("T", bound="AnswersRequest")


@_attrs_define
class AnswersRequest:
    """
    Example:
        {'answers': {'TC1.CT1': {'yes_no': True}, 'TC2.CT1': {'percentage': 95}}}

    Attributes:
        answers (AnswersRequestAnswers): Indicator id → `{"yes_no": …}`, `{"points": …}`, `{"percentage": …}`,
            `{"count": …}` or `{"ordinal": …}`.
    """

    answers: AnswersRequestAnswers

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answers_request_answers import AnswersRequestAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answers = AnswersRequestAnswers.from_dict(d.pop("answers"))

        answers_request = cls(
            answers=answers,
        )

        return answers_request

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answer_difference_inspection_answer import AnswerDifferenceInspectionAnswer
    from ..models.answer_difference_self_answer import AnswerDifferenceSelfAnswer


T = TypeVar("T", bound="AnswerDifference")


@_attrs_define
class AnswerDifference:
    """An indicator where the inspection team answered differently from the self-assessment.

    Attributes:
        indicator_id (str):
        self_answer (AnswerDifferenceSelfAnswer):
        inspection_answer (AnswerDifferenceInspectionAnswer):
    """

    indicator_id: str
    self_answer: AnswerDifferenceSelfAnswer
    inspection_answer: AnswerDifferenceInspectionAnswer
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        indicator_id = self.indicator_id

        self_answer = self.self_answer.to_dict()

        inspection_answer = self.inspection_answer.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "indicator_id": indicator_id,
                "self_answer": self_answer,
                "inspection_answer": inspection_answer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_difference_inspection_answer import AnswerDifferenceInspectionAnswer  # noqa: PLC0415
        from ..models.answer_difference_self_answer import AnswerDifferenceSelfAnswer  # noqa: PLC0415

        d = dict(src_dict)
        indicator_id = d.pop("indicator_id")

        self_answer = AnswerDifferenceSelfAnswer.from_dict(d.pop("self_answer"))

        inspection_answer = AnswerDifferenceInspectionAnswer.from_dict(d.pop("inspection_answer"))

        answer_difference = cls(
            indicator_id=indicator_id,
            self_answer=self_answer,
            inspection_answer=inspection_answer,
        )

        answer_difference.additional_properties = d
        return answer_difference

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

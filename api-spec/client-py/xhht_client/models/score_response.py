from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.score_response_outcome import ScoreResponseOutcome


T = TypeVar("T", bound="ScoreResponse")


@_attrs_define
class ScoreResponse:
    """
    Attributes:
        framework_id (int):
        usable_for_recognition (bool): False for drafts: a preview only, never a recognition.
        outcome (ScoreResponseOutcome): The result level, points, a verdict with a Vietnamese reason per indicator, and
            what the
            next level needs.
    """

    framework_id: int
    usable_for_recognition: bool
    outcome: ScoreResponseOutcome
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework_id = self.framework_id

        usable_for_recognition = self.usable_for_recognition

        outcome = self.outcome.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework_id": framework_id,
                "usable_for_recognition": usable_for_recognition,
                "outcome": outcome,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score_response_outcome import ScoreResponseOutcome  # noqa: PLC0415

        d = dict(src_dict)
        framework_id = d.pop("framework_id")

        usable_for_recognition = d.pop("usable_for_recognition")

        outcome = ScoreResponseOutcome.from_dict(d.pop("outcome"))

        score_response = cls(
            framework_id=framework_id,
            usable_for_recognition=usable_for_recognition,
            outcome=outcome,
        )

        score_response.additional_properties = d
        return score_response

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

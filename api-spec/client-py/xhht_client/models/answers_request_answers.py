from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.answer_dto_type_0 import AnswerDtoType0
    from ..models.answer_dto_type_1 import AnswerDtoType1
    from ..models.answer_dto_type_2 import AnswerDtoType2
    from ..models.answer_dto_type_3 import AnswerDtoType3
    from ..models.answer_dto_type_4 import AnswerDtoType4


T = TypeVar("T", bound="AnswersRequestAnswers")


@_attrs_define
class AnswersRequestAnswers:
    """Indicator id → `{"yes_no": …}`, `{"points": …}`, `{"percentage": …}`, `{"count": …}` or `{"ordinal": …}`."""

    additional_properties: dict[
        str, AnswerDtoType0 | AnswerDtoType1 | AnswerDtoType2 | AnswerDtoType3 | AnswerDtoType4
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.answer_dto_type_0 import AnswerDtoType0  # noqa: PLC0415
        from ..models.answer_dto_type_1 import AnswerDtoType1  # noqa: PLC0415
        from ..models.answer_dto_type_2 import AnswerDtoType2  # noqa: PLC0415
        from ..models.answer_dto_type_3 import AnswerDtoType3  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, AnswerDtoType0):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, AnswerDtoType1):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, AnswerDtoType2):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, AnswerDtoType3):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.answer_dto_type_0 import AnswerDtoType0  # noqa: PLC0415
        from ..models.answer_dto_type_1 import AnswerDtoType1  # noqa: PLC0415
        from ..models.answer_dto_type_2 import AnswerDtoType2  # noqa: PLC0415
        from ..models.answer_dto_type_3 import AnswerDtoType3  # noqa: PLC0415
        from ..models.answer_dto_type_4 import AnswerDtoType4  # noqa: PLC0415

        d = dict(src_dict)
        answers_request_answers = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> AnswerDtoType0 | AnswerDtoType1 | AnswerDtoType2 | AnswerDtoType3 | AnswerDtoType4:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_answer_dto_type_0 = AnswerDtoType0.from_dict(data)

                    return componentsschemas_answer_dto_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_answer_dto_type_1 = AnswerDtoType1.from_dict(data)

                    return componentsschemas_answer_dto_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_answer_dto_type_2 = AnswerDtoType2.from_dict(data)

                    return componentsschemas_answer_dto_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_answer_dto_type_3 = AnswerDtoType3.from_dict(data)

                    return componentsschemas_answer_dto_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_answer_dto_type_4 = AnswerDtoType4.from_dict(data)

                return componentsschemas_answer_dto_type_4

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        answers_request_answers.additional_properties = additional_properties
        return answers_request_answers

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> AnswerDtoType0 | AnswerDtoType1 | AnswerDtoType2 | AnswerDtoType3 | AnswerDtoType4:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: AnswerDtoType0 | AnswerDtoType1 | AnswerDtoType2 | AnswerDtoType3 | AnswerDtoType4
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

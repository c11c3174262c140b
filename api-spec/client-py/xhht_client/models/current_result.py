from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.result_level_dto import ResultLevelDto


T = TypeVar("T", bound="CurrentResult")


@_attrs_define
class CurrentResult:
    """An evaluation's score from its latest answers.

    Attributes:
        level (ResultLevelDto): A result level of a framework.
        summary_vi (str): One line, e.g. "Khá (84/100 điểm)".
        unanswered (list[str]): Indicators still to answer (those that apply and that the registry does not compute).
        next_level_gaps_vi (list[str]):
        points (float | None | Unset): Points and maximum, in points frameworks.
        max_points (float | None | Unset):
        next_level (None | ResultLevelDto | Unset):
    """

    level: ResultLevelDto
    summary_vi: str
    unanswered: list[str]
    next_level_gaps_vi: list[str]
    points: float | None | Unset = UNSET
    max_points: float | None | Unset = UNSET
    next_level: None | ResultLevelDto | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.result_level_dto import ResultLevelDto  # noqa: PLC0415

        level = self.level.to_dict()

        summary_vi = self.summary_vi

        unanswered = self.unanswered

        next_level_gaps_vi = self.next_level_gaps_vi

        points: float | None | Unset
        if isinstance(self.points, Unset):
            points = UNSET
        else:
            points = self.points

        max_points: float | None | Unset
        if isinstance(self.max_points, Unset):
            max_points = UNSET
        else:
            max_points = self.max_points

        next_level: dict[str, Any] | None | Unset
        if isinstance(self.next_level, Unset):
            next_level = UNSET
        elif isinstance(self.next_level, ResultLevelDto):
            next_level = self.next_level.to_dict()
        else:
            next_level = self.next_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "summary_vi": summary_vi,
                "unanswered": unanswered,
                "next_level_gaps_vi": next_level_gaps_vi,
            }
        )
        if points is not UNSET:
            field_dict["points"] = points
        if max_points is not UNSET:
            field_dict["max_points"] = max_points
        if next_level is not UNSET:
            field_dict["next_level"] = next_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.result_level_dto import ResultLevelDto  # noqa: PLC0415

        d = dict(src_dict)
        level = ResultLevelDto.from_dict(d.pop("level"))

        summary_vi = d.pop("summary_vi")

        unanswered = cast(list[str], d.pop("unanswered"))

        next_level_gaps_vi = cast(list[str], d.pop("next_level_gaps_vi"))

        def _parse_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        points = _parse_points(d.pop("points", UNSET))

        def _parse_max_points(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_points = _parse_max_points(d.pop("max_points", UNSET))

        def _parse_next_level(data: object) -> None | ResultLevelDto | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_level_type_0 = ResultLevelDto.from_dict(data)

                return next_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResultLevelDto | Unset, data)

        next_level = _parse_next_level(d.pop("next_level", UNSET))

        current_result = cls(
            level=level,
            summary_vi=summary_vi,
            unanswered=unanswered,
            next_level_gaps_vi=next_level_gaps_vi,
            points=points,
            max_points=max_points,
            next_level=next_level,
        )

        current_result.additional_properties = d
        return current_result

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

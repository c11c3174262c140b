from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.subject_kind import SubjectKind, check_subject_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.indicator import Indicator


T = TypeVar("T", bound="Participant")


@_attrs_define
class Participant:
    """A kind of participant and the criteria it is held to.

    Attributes:
        id (str): Code, e.g. `xa`, `ho_gia_dinh_dong_ho`.
        name_vi (str):
        subject_types (list[SubjectKind]): What a participant of this kind is in the registries.
        unit_level (None | str | Unset): For units: their level (a district plan's communes, say). Example: commune.
        criteria (list[Indicator] | Unset): Pass/fail criteria: indicators measured `yes_no` with "yes" required.
    """

    id: str
    name_vi: str
    subject_types: list[SubjectKind]
    unit_level: None | str | Unset = UNSET
    criteria: list[Indicator] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name_vi = self.name_vi

        subject_types = []
        for subject_types_item_data in self.subject_types:
            subject_types_item: str = subject_types_item_data
            subject_types.append(subject_types_item)

        unit_level: None | str | Unset
        if isinstance(self.unit_level, Unset):
            unit_level = UNSET
        else:
            unit_level = self.unit_level

        criteria: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.criteria, Unset):
            criteria = []
            for criteria_item_data in self.criteria:
                criteria_item = criteria_item_data.to_dict()
                criteria.append(criteria_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name_vi": name_vi,
                "subject_types": subject_types,
            }
        )
        if unit_level is not UNSET:
            field_dict["unit_level"] = unit_level
        if criteria is not UNSET:
            field_dict["criteria"] = criteria

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.indicator import Indicator  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name_vi = d.pop("name_vi")

        subject_types = []
        _subject_types = d.pop("subject_types")
        for subject_types_item_data in _subject_types:
            subject_types_item = check_subject_kind(subject_types_item_data)

            subject_types.append(subject_types_item)

        def _parse_unit_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_level = _parse_unit_level(d.pop("unit_level", UNSET))

        _criteria = d.pop("criteria", UNSET)
        criteria: list[Indicator] | Unset = UNSET
        if _criteria is not UNSET:
            criteria = []
            for criteria_item_data in _criteria:
                criteria_item = Indicator.from_dict(criteria_item_data)

                criteria.append(criteria_item)

        participant = cls(
            id=id,
            name_vi=name_vi,
            subject_types=subject_types,
            unit_level=unit_level,
            criteria=criteria,
        )

        return participant

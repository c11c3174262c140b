from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.marks_request_marks import MarksRequestMarks


T = TypeVar("T", bound="MarksRequest")


@_attrs_define
class MarksRequest:
    """The reviewers' marks on a report.

    Example:
        {'marks': {'TC1': True, 'TC2': False}, 'note': 'Chưa có minh chứng TC2'}

    Attributes:
        marks (MarksRequestMarks): Criterion id → passed; every criterion of the participant's kind.
        note (None | str | Unset):
    """

    marks: MarksRequestMarks
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        marks = self.marks.to_dict()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "marks": marks,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.marks_request_marks import MarksRequestMarks  # noqa: PLC0415

        d = dict(src_dict)
        marks = MarksRequestMarks.from_dict(d.pop("marks"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        marks_request = cls(
            marks=marks,
            note=note,
        )

        return marks_request

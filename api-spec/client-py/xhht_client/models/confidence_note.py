from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.confidence import Confidence, check_confidence
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfidenceNote")


@_attrs_define
class ConfidenceNote:
    """A note on where a part of the framework comes from.

    Attributes:
        about (str): What the note is about: a group or indicator id, or a field name such as `valid_to`.
        confidence (Confidence): How sure a fact is, after the tags of the research file.
        note_vi (str):
        source (None | str | Unset):
    """

    about: str
    confidence: Confidence
    note_vi: str
    source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        about = self.about

        confidence: str = self.confidence

        note_vi = self.note_vi

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "about": about,
                "confidence": confidence,
                "note_vi": note_vi,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        about = d.pop("about")

        confidence = check_confidence(d.pop("confidence"))

        note_vi = d.pop("note_vi")

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        confidence_note = cls(
            about=about,
            confidence=confidence,
            note_vi=note_vi,
            source=source,
        )

        return confidence_note

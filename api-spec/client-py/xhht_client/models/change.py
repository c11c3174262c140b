from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.diff_kind import DiffKind, check_diff_kind
from ..models.diff_part import DiffPart, check_diff_part
from ..types import UNSET, Unset

T = TypeVar("T", bound="Change")


@_attrs_define
class Change:
    """One difference: a group or indicator added or removed, or one field of a part changed.

    Attributes:
        part (DiffPart): The part of the framework a change is about.
        kind (DiffKind): What happened to it.
        id (None | str | Unset): The group or indicator id; `None` for the framework's own fields.
        field (None | str | Unset): The field that changed (`text_vi`, `measure`, `result`, …); `None` for an addition
            or removal.
        text_vi (None | str | Unset): The Vietnamese text of the group or indicator, to recognise it by.
        before (Any | Unset): Any JSON value: a text, a number, a list or an object, as in the document.
        after (Any | Unset): Any JSON value, as `before`.
    """

    part: DiffPart
    kind: DiffKind
    id: None | str | Unset = UNSET
    field: None | str | Unset = UNSET
    text_vi: None | str | Unset = UNSET
    before: Any | Unset = UNSET
    after: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part: str = self.part

        kind: str = self.kind

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        text_vi: None | str | Unset
        if isinstance(self.text_vi, Unset):
            text_vi = UNSET
        else:
            text_vi = self.text_vi

        before = self.before

        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "part": part,
                "kind": kind,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if field is not UNSET:
            field_dict["field"] = field
        if text_vi is not UNSET:
            field_dict["text_vi"] = text_vi
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        part = check_diff_part(d.pop("part"))

        kind = check_diff_kind(d.pop("kind"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        def _parse_text_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text_vi = _parse_text_vi(d.pop("text_vi", UNSET))

        before = d.pop("before", UNSET)

        after = d.pop("after", UNSET)

        change = cls(
            part=part,
            kind=kind,
            id=id,
            field=field,
            text_vi=text_vi,
            before=before,
            after=after,
        )

        change.additional_properties = d
        return change

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

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetItemRequest")


@_attrs_define
class TargetItemRequest:
    """
    Attributes:
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        target_year (int):
        value (float): Percent, 0–100.
        subgroup (None | str | Unset): A citizens' target group or an organisations' type; all when absent.
        note (None | str | Unset):
    """

    model_kind: ModelKind
    target_year: int
    value: float
    subgroup: None | str | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        model_kind: str = self.model_kind

        target_year = self.target_year

        value = self.value

        subgroup: None | str | Unset
        if isinstance(self.subgroup, Unset):
            subgroup = UNSET
        else:
            subgroup = self.subgroup

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "model_kind": model_kind,
                "target_year": target_year,
                "value": value,
            }
        )
        if subgroup is not UNSET:
            field_dict["subgroup"] = subgroup
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model_kind = check_model_kind(d.pop("model_kind"))

        target_year = d.pop("target_year")

        value = d.pop("value")

        def _parse_subgroup(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subgroup = _parse_subgroup(d.pop("subgroup", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        target_item_request = cls(
            model_kind=model_kind,
            target_year=target_year,
            value=value,
            subgroup=subgroup,
            note=note,
        )

        return target_item_request

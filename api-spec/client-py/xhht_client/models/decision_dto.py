from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.decision_kind import DecisionKind, check_decision_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DecisionDto")


@_attrs_define
class DecisionDto:
    """
    Attributes:
        id (int):
        kind (DecisionKind): What a decision (Quyết định) does to the evaluations it lists.
        number (str):
        decided_on (datetime.date):
        authority (str):
        evaluation_ids (list[int]):
        created_at (datetime.datetime):
        reason (None | str | Unset):
    """

    id: int
    kind: DecisionKind
    number: str
    decided_on: datetime.date
    authority: str
    evaluation_ids: list[int]
    created_at: datetime.datetime
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str = self.kind

        number = self.number

        decided_on = self.decided_on.isoformat()

        authority = self.authority

        evaluation_ids = self.evaluation_ids

        created_at = self.created_at.isoformat()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "number": number,
                "decided_on": decided_on,
                "authority": authority,
                "evaluation_ids": evaluation_ids,
                "created_at": created_at,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = check_decision_kind(d.pop("kind"))

        number = d.pop("number")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        authority = d.pop("authority")

        evaluation_ids = cast(list[int], d.pop("evaluation_ids"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        decision_dto = cls(
            id=id,
            kind=kind,
            number=number,
            decided_on=decided_on,
            authority=authority,
            evaluation_ids=evaluation_ids,
            created_at=created_at,
            reason=reason,
        )

        decision_dto.additional_properties = d
        return decision_dto

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

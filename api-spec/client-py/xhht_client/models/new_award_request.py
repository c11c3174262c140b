from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.award_kind import AwardKind, check_award_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.recipient import Recipient


T = TypeVar("T", bound="NewAwardRequest")


@_attrs_define
class NewAwardRequest:
    """One decision giving an award to one or more recipients; all or nothing.

    Example:
        {'kind': 'giay_khen', 'title_vi': 'Giấy khen của Chủ tịch UBND huyện', 'decision_number': '456/QĐ-UBND',
            'decided_on': '2025-06-30', 'authority_vi': 'Chủ tịch UBND huyện Krông Nô', 'plan_id': 2, 'phase_id': 'gd1',
            'recipients': [{'subject_type': 'unit', 'subject_id': 24604}]}

    Attributes:
        kind (AwardKind): The kinds of award.
        title_vi (str): The award as the decision words it.
        decision_number (str):
        decided_on (datetime.date):
        authority_vi (str):
        recipients (list[Recipient]):
        plan_id (int | None | Unset): The plan (and phase) it rewards.
        phase_id (None | str | Unset):
        review_id (int | None | Unset): The review whose ranking proposed it.
    """

    kind: AwardKind
    title_vi: str
    decision_number: str
    decided_on: datetime.date
    authority_vi: str
    recipients: list[Recipient]
    plan_id: int | None | Unset = UNSET
    phase_id: None | str | Unset = UNSET
    review_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        title_vi = self.title_vi

        decision_number = self.decision_number

        decided_on = self.decided_on.isoformat()

        authority_vi = self.authority_vi

        recipients = []
        for recipients_item_data in self.recipients:
            recipients_item = recipients_item_data.to_dict()
            recipients.append(recipients_item)

        plan_id: int | None | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        phase_id: None | str | Unset
        if isinstance(self.phase_id, Unset):
            phase_id = UNSET
        else:
            phase_id = self.phase_id

        review_id: int | None | Unset
        if isinstance(self.review_id, Unset):
            review_id = UNSET
        else:
            review_id = self.review_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "title_vi": title_vi,
                "decision_number": decision_number,
                "decided_on": decided_on,
                "authority_vi": authority_vi,
                "recipients": recipients,
            }
        )
        if plan_id is not UNSET:
            field_dict["plan_id"] = plan_id
        if phase_id is not UNSET:
            field_dict["phase_id"] = phase_id
        if review_id is not UNSET:
            field_dict["review_id"] = review_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.recipient import Recipient  # noqa: PLC0415

        d = dict(src_dict)
        kind = check_award_kind(d.pop("kind"))

        title_vi = d.pop("title_vi")

        decision_number = d.pop("decision_number")

        decided_on = datetime.date.fromisoformat(d.pop("decided_on"))

        authority_vi = d.pop("authority_vi")

        recipients = []
        _recipients = d.pop("recipients")
        for recipients_item_data in _recipients:
            recipients_item = Recipient.from_dict(recipients_item_data)

            recipients.append(recipients_item)

        def _parse_plan_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_id = _parse_plan_id(d.pop("plan_id", UNSET))

        def _parse_phase_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phase_id = _parse_phase_id(d.pop("phase_id", UNSET))

        def _parse_review_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        review_id = _parse_review_id(d.pop("review_id", UNSET))

        new_award_request = cls(
            kind=kind,
            title_vi=title_vi,
            decision_number=decision_number,
            decided_on=decided_on,
            authority_vi=authority_vi,
            recipients=recipients,
            plan_id=plan_id,
            phase_id=phase_id,
            review_id=review_id,
        )

        return new_award_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.provincial_decision import ProvincialDecision


T = TypeVar("T", bound="AdoptRequest")


@_attrs_define
class AdoptRequest:
    """Adopts a template or a national framework as a province's own draft.

    Example:
        {'province_id': 1, 'decision': {'number': '1234/QĐ-UBND', 'issuer_vi': 'UBND thành phố Hà Nội', 'issued_on':
            '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND thành phố'}}

    Attributes:
        province_id (int): The province that adopts it.
        decision (ProvincialDecision): The province's own decision that adopts the criteria: it becomes the legal basis.
            Example: {'number': '1234/QĐ-UBND', 'title_vi': 'Ban hành Bộ tiêu chí đánh giá, công nhận danh hiệu “Gia đình
            học tập”', 'issuer_vi': 'UBND thành phố Hà Nội', 'issued_on': '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND
            thành phố'}.
        key (None | str | Unset): The new framework's id; by default `tinh-<province code>.<template>.<year of the
            decision>`.
        name_vi (None | str | Unset): The new framework's name; by default the model's title and the province's name.
        valid_from (datetime.date | None | Unset): First day it applies; by default the decision's `in_force_from`, else
            its date.
    """

    province_id: int
    decision: ProvincialDecision
    key: None | str | Unset = UNSET
    name_vi: None | str | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        province_id = self.province_id

        decision = self.decision.to_dict()

        key: None | str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        else:
            key = self.key

        name_vi: None | str | Unset
        if isinstance(self.name_vi, Unset):
            name_vi = UNSET
        else:
            name_vi = self.name_vi

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "province_id": province_id,
                "decision": decision,
            }
        )
        if key is not UNSET:
            field_dict["key"] = key
        if name_vi is not UNSET:
            field_dict["name_vi"] = name_vi
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provincial_decision import ProvincialDecision  # noqa: PLC0415

        d = dict(src_dict)
        province_id = d.pop("province_id")

        decision = ProvincialDecision.from_dict(d.pop("decision"))

        def _parse_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        key = _parse_key(d.pop("key", UNSET))

        def _parse_name_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_vi = _parse_name_vi(d.pop("name_vi", UNSET))

        def _parse_valid_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_from_type_0 = datetime.date.fromisoformat(data)

                return valid_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_from = _parse_valid_from(d.pop("valid_from", UNSET))

        adopt_request = cls(
            province_id=province_id,
            decision=decision,
            key=key,
            name_vi=name_vi,
            valid_from=valid_from,
        )

        return adopt_request

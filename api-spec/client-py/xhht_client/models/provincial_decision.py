from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvincialDecision")


@_attrs_define
class ProvincialDecision:
    """The province's own decision that adopts the criteria: it becomes the legal basis.

    Example:
        {'number': '1234/QĐ-UBND', 'title_vi': 'Ban hành Bộ tiêu chí đánh giá, công nhận danh hiệu “Gia đình học tập”',
            'issuer_vi': 'UBND thành phố Hà Nội', 'issued_on': '2026-03-01', 'signer_vi': 'Phó Chủ tịch UBND thành phố'}

    Attributes:
        number (str): Number and symbol, e.g. `1234/QĐ-UBND`.
        issuer_vi (str): The issuing body, e.g. `UBND tỉnh Lào Cai`.
        issued_on (datetime.date):
        signer_vi (str): Who signed it.
        title_vi (None | str | Unset):
        in_force_from (datetime.date | None | Unset):
        articles (list[str] | Unset): Articles relied on, as written.
    """

    number: str
    issuer_vi: str
    issued_on: datetime.date
    signer_vi: str
    title_vi: None | str | Unset = UNSET
    in_force_from: datetime.date | None | Unset = UNSET
    articles: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        issuer_vi = self.issuer_vi

        issued_on = self.issued_on.isoformat()

        signer_vi = self.signer_vi

        title_vi: None | str | Unset
        if isinstance(self.title_vi, Unset):
            title_vi = UNSET
        else:
            title_vi = self.title_vi

        in_force_from: None | str | Unset
        if isinstance(self.in_force_from, Unset):
            in_force_from = UNSET
        elif isinstance(self.in_force_from, datetime.date):
            in_force_from = self.in_force_from.isoformat()
        else:
            in_force_from = self.in_force_from

        articles: list[str] | Unset = UNSET
        if not isinstance(self.articles, Unset):
            articles = self.articles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "issuer_vi": issuer_vi,
                "issued_on": issued_on,
                "signer_vi": signer_vi,
            }
        )
        if title_vi is not UNSET:
            field_dict["title_vi"] = title_vi
        if in_force_from is not UNSET:
            field_dict["in_force_from"] = in_force_from
        if articles is not UNSET:
            field_dict["articles"] = articles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        issuer_vi = d.pop("issuer_vi")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        signer_vi = d.pop("signer_vi")

        def _parse_title_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title_vi = _parse_title_vi(d.pop("title_vi", UNSET))

        def _parse_in_force_from(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_force_from_type_0 = datetime.date.fromisoformat(data)

                return in_force_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        in_force_from = _parse_in_force_from(d.pop("in_force_from", UNSET))

        articles = cast(list[str], d.pop("articles", UNSET))

        provincial_decision = cls(
            number=number,
            issuer_vi=issuer_vi,
            issued_on=issued_on,
            signer_vi=signer_vi,
            title_vi=title_vi,
            in_force_from=in_force_from,
            articles=articles,
        )

        return provincial_decision

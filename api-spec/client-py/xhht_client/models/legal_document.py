from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LegalDocument")


@_attrs_define
class LegalDocument:
    """A legal document, cited the way Vietnamese officials cite it.

    Attributes:
        number (str): Number and symbol, e.g. `TT 24/2023/TT-BGDĐT`.
        issuer_vi (str):
        title_vi (None | str | Unset):
        issued_on (datetime.date | None | Unset):
        in_force_from (datetime.date | None | Unset):
        articles (list[str] | Unset): Articles relied on, as written ("12", "6(1)").
        signer_vi (None | str | Unset): Who signed it, e.g. "Phó Chủ tịch UBND tỉnh Nguyễn Văn A"; for a province's own
            decision.
    """

    number: str
    issuer_vi: str
    title_vi: None | str | Unset = UNSET
    issued_on: datetime.date | None | Unset = UNSET
    in_force_from: datetime.date | None | Unset = UNSET
    articles: list[str] | Unset = UNSET
    signer_vi: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        issuer_vi = self.issuer_vi

        title_vi: None | str | Unset
        if isinstance(self.title_vi, Unset):
            title_vi = UNSET
        else:
            title_vi = self.title_vi

        issued_on: None | str | Unset
        if isinstance(self.issued_on, Unset):
            issued_on = UNSET
        elif isinstance(self.issued_on, datetime.date):
            issued_on = self.issued_on.isoformat()
        else:
            issued_on = self.issued_on

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

        signer_vi: None | str | Unset
        if isinstance(self.signer_vi, Unset):
            signer_vi = UNSET
        else:
            signer_vi = self.signer_vi

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "issuer_vi": issuer_vi,
            }
        )
        if title_vi is not UNSET:
            field_dict["title_vi"] = title_vi
        if issued_on is not UNSET:
            field_dict["issued_on"] = issued_on
        if in_force_from is not UNSET:
            field_dict["in_force_from"] = in_force_from
        if articles is not UNSET:
            field_dict["articles"] = articles
        if signer_vi is not UNSET:
            field_dict["signer_vi"] = signer_vi

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        issuer_vi = d.pop("issuer_vi")

        def _parse_title_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title_vi = _parse_title_vi(d.pop("title_vi", UNSET))

        def _parse_issued_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                issued_on_type_0 = datetime.date.fromisoformat(data)

                return issued_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        issued_on = _parse_issued_on(d.pop("issued_on", UNSET))

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

        def _parse_signer_vi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signer_vi = _parse_signer_vi(d.pop("signer_vi", UNSET))

        legal_document = cls(
            number=number,
            issuer_vi=issuer_vi,
            title_vi=title_vi,
            issued_on=issued_on,
            in_force_from=in_force_from,
            articles=articles,
            signer_vi=signer_vi,
        )

        return legal_document

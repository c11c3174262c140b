from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetActRequest")


@_attrs_define
class TargetActRequest:
    """The act a province adopted its targets by.

    Attributes:
        number (str): Number and symbol, e.g. `45/KH-UBND`.
        issuer (str): Who issued it, e.g. "UBND tỉnh Quảng Ninh".
        issued_on (datetime.date):
        title (None | str | Unset):
    """

    number: str
    issuer: str
    issued_on: datetime.date
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        issuer = self.issuer

        issued_on = self.issued_on.isoformat()

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
                "issuer": issuer,
                "issued_on": issued_on,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        issuer = d.pop("issuer")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        target_act_request = cls(
            number=number,
            issuer=issuer,
            issued_on=issued_on,
            title=title,
        )

        return target_act_request

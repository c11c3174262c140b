from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cycle_period import CyclePeriod, check_cycle_period
from ..models.late_policy import LatePolicy, check_late_policy
from ..types import UNSET, Unset

T = TypeVar("T", bound="Cycle")


@_attrs_define
class Cycle:
    """The yearly evaluation cycle.

    Attributes:
        period (CyclePeriod): Every framework found so far evaluates a calendar year (1/1–31/12).
        filing_deadline (None | str | Unset): Last day to file, in the year after the evaluated year; `None` when not
            found.
        decision_deadline (None | str | Unset): Last day for the decision, in the year after the evaluated year; `None`
            when not found.
        late_policy (LatePolicy | Unset): What a drive does with a registration after its closing date.
    """

    period: CyclePeriod
    filing_deadline: None | str | Unset = UNSET
    decision_deadline: None | str | Unset = UNSET
    late_policy: LatePolicy | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        period: str = self.period

        filing_deadline: None | str | Unset
        if isinstance(self.filing_deadline, Unset):
            filing_deadline = UNSET
        else:
            filing_deadline = self.filing_deadline

        decision_deadline: None | str | Unset
        if isinstance(self.decision_deadline, Unset):
            decision_deadline = UNSET
        else:
            decision_deadline = self.decision_deadline

        late_policy: str | Unset = UNSET
        if not isinstance(self.late_policy, Unset):
            late_policy = self.late_policy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
            }
        )
        if filing_deadline is not UNSET:
            field_dict["filing_deadline"] = filing_deadline
        if decision_deadline is not UNSET:
            field_dict["decision_deadline"] = decision_deadline
        if late_policy is not UNSET:
            field_dict["late_policy"] = late_policy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = check_cycle_period(d.pop("period"))

        def _parse_filing_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filing_deadline = _parse_filing_deadline(d.pop("filing_deadline", UNSET))

        def _parse_decision_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decision_deadline = _parse_decision_deadline(d.pop("decision_deadline", UNSET))

        _late_policy = d.pop("late_policy", UNSET)
        late_policy: LatePolicy | Unset
        if isinstance(_late_policy, Unset):
            late_policy = UNSET
        else:
            late_policy = check_late_policy(_late_policy)

        cycle = cls(
            period=period,
            filing_deadline=filing_deadline,
            decision_deadline=decision_deadline,
            late_policy=late_policy,
        )

        return cycle

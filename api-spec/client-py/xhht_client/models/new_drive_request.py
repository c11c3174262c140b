from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.late_policy import LatePolicy, check_late_policy
from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewDriveRequest")


@_attrs_define
class NewDriveRequest:
    """Opens a drive: a commune asks its households, clans, villages or citizens to register for
    the year's titles (a province, its units and organisations).

        Example:
            {'unit_id': 10845, 'year': 2026, 'title_vi': 'Đăng ký danh hiệu Gia đình học tập năm 2026', 'models':
                ['gia_dinh_hoc_tap'], 'opens_on': '2026-01-05', 'closes_on': '2026-03-31', 'late_policy': 'flag', 'target':
                1200}

        Attributes:
            unit_id (int): The commune or province that runs it; the drive covers the subjects under it.
            year (int):
            title_vi (str):
            models (list[ModelKind]): The models it asks subjects to register for.
            opens_on (datetime.date):
            closes_on (datetime.date):
            late_policy (LatePolicy): What a drive does with a registration after its closing date.
            target (int | None | Unset): How many registrations the unit aims for.
    """

    unit_id: int
    year: int
    title_vi: str
    models: list[ModelKind]
    opens_on: datetime.date
    closes_on: datetime.date
    late_policy: LatePolicy
    target: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        unit_id = self.unit_id

        year = self.year

        title_vi = self.title_vi

        models = []
        for models_item_data in self.models:
            models_item: str = models_item_data
            models.append(models_item)

        opens_on = self.opens_on.isoformat()

        closes_on = self.closes_on.isoformat()

        late_policy: str = self.late_policy

        target: int | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "unit_id": unit_id,
                "year": year,
                "title_vi": title_vi,
                "models": models,
                "opens_on": opens_on,
                "closes_on": closes_on,
                "late_policy": late_policy,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_id = d.pop("unit_id")

        year = d.pop("year")

        title_vi = d.pop("title_vi")

        models = []
        _models = d.pop("models")
        for models_item_data in _models:
            models_item = check_model_kind(models_item_data)

            models.append(models_item)

        opens_on = datetime.date.fromisoformat(d.pop("opens_on"))

        closes_on = datetime.date.fromisoformat(d.pop("closes_on"))

        late_policy = check_late_policy(d.pop("late_policy"))

        def _parse_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        new_drive_request = cls(
            unit_id=unit_id,
            year=year,
            title_vi=title_vi,
            models=models,
            opens_on=opens_on,
            closes_on=closes_on,
            late_policy=late_policy,
            target=target,
        )

        return new_drive_request

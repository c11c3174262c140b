from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.late_policy import LatePolicy, check_late_policy
from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="DriveDto")


@_attrs_define
class DriveDto:
    """
    Attributes:
        id (int):
        unit_id (int):
        unit_name (str):
        year (int):
        title_vi (str):
        models (list[ModelKind]):
        opens_on (datetime.date):
        closes_on (datetime.date):
        late_policy (LatePolicy): What a drive does with a registration after its closing date.
        state (str): `upcoming` (before the opening date), `open`, `over` (after the closing date) or
            `closed` (by an officer).
        version (int): The ETag for closing.
        created_at (datetime.datetime):
        target (int | None | Unset):
        closed_at (datetime.datetime | None | Unset):
    """

    id: int
    unit_id: int
    unit_name: str
    year: int
    title_vi: str
    models: list[ModelKind]
    opens_on: datetime.date
    closes_on: datetime.date
    late_policy: LatePolicy
    state: str
    version: int
    created_at: datetime.datetime
    target: int | None | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        unit_id = self.unit_id

        unit_name = self.unit_name

        year = self.year

        title_vi = self.title_vi

        models = []
        for models_item_data in self.models:
            models_item: str = models_item_data
            models.append(models_item)

        opens_on = self.opens_on.isoformat()

        closes_on = self.closes_on.isoformat()

        late_policy: str = self.late_policy

        state = self.state

        version = self.version

        created_at = self.created_at.isoformat()

        target: int | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "unit_id": unit_id,
                "unit_name": unit_name,
                "year": year,
                "title_vi": title_vi,
                "models": models,
                "opens_on": opens_on,
                "closes_on": closes_on,
                "late_policy": late_policy,
                "state": state,
                "version": version,
                "created_at": created_at,
            }
        )
        if target is not UNSET:
            field_dict["target"] = target
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        unit_id = d.pop("unit_id")

        unit_name = d.pop("unit_name")

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

        state = d.pop("state")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_target(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        drive_dto = cls(
            id=id,
            unit_id=unit_id,
            unit_name=unit_name,
            year=year,
            title_vi=title_vi,
            models=models,
            opens_on=opens_on,
            closes_on=closes_on,
            late_policy=late_policy,
            state=state,
            version=version,
            created_at=created_at,
            target=target,
            closed_at=closed_at,
        )

        drive_dto.additional_properties = d
        return drive_dto

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

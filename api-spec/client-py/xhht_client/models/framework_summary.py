from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.framework_status import FrameworkStatus, check_framework_status
from ..models.model_kind import ModelKind, check_model_kind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.framework_ref import FrameworkRef


T = TypeVar("T", bound="FrameworkSummary")


@_attrs_define
class FrameworkSummary:
    """A framework version without its document.

    Attributes:
        id (int): The id of this version (what evaluations pin).
        key (str): The document's id, shared by all its versions.
        version (int):
        status (FrameworkStatus): Life cycle of a framework version.
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        name_vi (str):
        shipped (bool): Shipped with XHHT from the regulations, rather than created through the API.
        template (bool): A template: a starting point a province adopts (`POST …/{id}/adopt`), never published.
        usable_for_recognition (bool): Published and valid: the only versions a recognition may use.
        missing (list[str]): What the regulations leave unknown, for drafts.
        row_version (int): The row's version, the ETag for status transitions.
        created_at (datetime.datetime):
        valid_from (datetime.date | None | Unset):
        valid_to (datetime.date | None | Unset):
        province_id (int | None | Unset): The province that owns a provincial framework; null for national ones.
        adopted_from (FrameworkRef | None | Unset):
        published_at (datetime.datetime | None | Unset):
        retired_at (datetime.datetime | None | Unset):
    """

    id: int
    key: str
    version: int
    status: FrameworkStatus
    model_kind: ModelKind
    name_vi: str
    shipped: bool
    template: bool
    usable_for_recognition: bool
    missing: list[str]
    row_version: int
    created_at: datetime.datetime
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    province_id: int | None | Unset = UNSET
    adopted_from: FrameworkRef | None | Unset = UNSET
    published_at: datetime.datetime | None | Unset = UNSET
    retired_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.framework_ref import FrameworkRef  # noqa: PLC0415

        id = self.id

        key = self.key

        version = self.version

        status: str = self.status

        model_kind: str = self.model_kind

        name_vi = self.name_vi

        shipped = self.shipped

        template = self.template

        usable_for_recognition = self.usable_for_recognition

        missing = self.missing

        row_version = self.row_version

        created_at = self.created_at.isoformat()

        valid_from: None | str | Unset
        if isinstance(self.valid_from, Unset):
            valid_from = UNSET
        elif isinstance(self.valid_from, datetime.date):
            valid_from = self.valid_from.isoformat()
        else:
            valid_from = self.valid_from

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        province_id: int | None | Unset
        if isinstance(self.province_id, Unset):
            province_id = UNSET
        else:
            province_id = self.province_id

        adopted_from: dict[str, Any] | None | Unset
        if isinstance(self.adopted_from, Unset):
            adopted_from = UNSET
        elif isinstance(self.adopted_from, FrameworkRef):
            adopted_from = self.adopted_from.to_dict()
        else:
            adopted_from = self.adopted_from

        published_at: None | str | Unset
        if isinstance(self.published_at, Unset):
            published_at = UNSET
        elif isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        retired_at: None | str | Unset
        if isinstance(self.retired_at, Unset):
            retired_at = UNSET
        elif isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "version": version,
                "status": status,
                "model_kind": model_kind,
                "name_vi": name_vi,
                "shipped": shipped,
                "template": template,
                "usable_for_recognition": usable_for_recognition,
                "missing": missing,
                "row_version": row_version,
                "created_at": created_at,
            }
        )
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if province_id is not UNSET:
            field_dict["province_id"] = province_id
        if adopted_from is not UNSET:
            field_dict["adopted_from"] = adopted_from
        if published_at is not UNSET:
            field_dict["published_at"] = published_at
        if retired_at is not UNSET:
            field_dict["retired_at"] = retired_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_ref import FrameworkRef  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        key = d.pop("key")

        version = d.pop("version")

        status = check_framework_status(d.pop("status"))

        model_kind = check_model_kind(d.pop("model_kind"))

        name_vi = d.pop("name_vi")

        shipped = d.pop("shipped")

        template = d.pop("template")

        usable_for_recognition = d.pop("usable_for_recognition")

        missing = cast(list[str], d.pop("missing"))

        row_version = d.pop("row_version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

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

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        def _parse_province_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        province_id = _parse_province_id(d.pop("province_id", UNSET))

        def _parse_adopted_from(data: object) -> FrameworkRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                adopted_from_type_0 = FrameworkRef.from_dict(data)

                return adopted_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FrameworkRef | None | Unset, data)

        adopted_from = _parse_adopted_from(d.pop("adopted_from", UNSET))

        def _parse_published_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        published_at = _parse_published_at(d.pop("published_at", UNSET))

        def _parse_retired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        retired_at = _parse_retired_at(d.pop("retired_at", UNSET))

        framework_summary = cls(
            id=id,
            key=key,
            version=version,
            status=status,
            model_kind=model_kind,
            name_vi=name_vi,
            shipped=shipped,
            template=template,
            usable_for_recognition=usable_for_recognition,
            missing=missing,
            row_version=row_version,
            created_at=created_at,
            valid_from=valid_from,
            valid_to=valid_to,
            province_id=province_id,
            adopted_from=adopted_from,
            published_at=published_at,
            retired_at=retired_at,
        )

        framework_summary.additional_properties = d
        return framework_summary

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

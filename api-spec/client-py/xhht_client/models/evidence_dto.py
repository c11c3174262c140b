from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_kind import EvidenceKind, check_evidence_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceDto")


@_attrs_define
class EvidenceDto:
    """
    Attributes:
        id (int):
        indicator_id (str):
        kind (EvidenceKind):
        created_at (datetime.datetime):
        note (None | str | Unset):
        url (None | str | Unset):
        file_name (None | str | Unset):
        content_type (None | str | Unset):
        size_bytes (int | None | Unset):
        sha256 (None | str | Unset): SHA-256 of the file, hex.
    """

    id: int
    indicator_id: str
    kind: EvidenceKind
    created_at: datetime.datetime
    note: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    file_name: None | str | Unset = UNSET
    content_type: None | str | Unset = UNSET
    size_bytes: int | None | Unset = UNSET
    sha256: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        indicator_id = self.indicator_id

        kind: str = self.kind

        created_at = self.created_at.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        file_name: None | str | Unset
        if isinstance(self.file_name, Unset):
            file_name = UNSET
        else:
            file_name = self.file_name

        content_type: None | str | Unset
        if isinstance(self.content_type, Unset):
            content_type = UNSET
        else:
            content_type = self.content_type

        size_bytes: int | None | Unset
        if isinstance(self.size_bytes, Unset):
            size_bytes = UNSET
        else:
            size_bytes = self.size_bytes

        sha256: None | str | Unset
        if isinstance(self.sha256, Unset):
            sha256 = UNSET
        else:
            sha256 = self.sha256

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "indicator_id": indicator_id,
                "kind": kind,
                "created_at": created_at,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if url is not UNSET:
            field_dict["url"] = url
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        indicator_id = d.pop("indicator_id")

        kind = check_evidence_kind(d.pop("kind"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_file_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_name = _parse_file_name(d.pop("file_name", UNSET))

        def _parse_content_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        content_type = _parse_content_type(d.pop("content_type", UNSET))

        def _parse_size_bytes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes", UNSET))

        def _parse_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256 = _parse_sha256(d.pop("sha256", UNSET))

        evidence_dto = cls(
            id=id,
            indicator_id=indicator_id,
            kind=kind,
            created_at=created_at,
            note=note,
            url=url,
            file_name=file_name,
            content_type=content_type,
            size_bytes=size_bytes,
            sha256=sha256,
        )

        evidence_dto.additional_properties = d
        return evidence_dto

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

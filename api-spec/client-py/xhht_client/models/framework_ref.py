from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FrameworkRef")


@_attrs_define
class FrameworkRef:
    """One version of a framework, by its stable id and version number (the same in every
    database, unlike row ids).

        Attributes:
            id (str):
            version (int):
    """

    id: str
    version: int

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        framework_ref = cls(
            id=id,
            version=version,
        )

        return framework_ref

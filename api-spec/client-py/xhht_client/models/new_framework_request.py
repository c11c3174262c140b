from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.framework import Framework


T = TypeVar("T", bound="NewFrameworkRequest")


@_attrs_define
class NewFrameworkRequest:
    """A new framework, or a new version of one (same document `id`). It is stored as a draft
    with the next version number; publishing is a separate step.

        Attributes:
            document (Framework): A criteria framework, one version of it.
            province_id (int | None | Unset): The owning province for a provincial framework; absent for national ones
                (administrators).
    """

    document: Framework
    province_id: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        document = self.document.to_dict()

        province_id: int | None | Unset
        if isinstance(self.province_id, Unset):
            province_id = UNSET
        else:
            province_id = self.province_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "document": document,
            }
        )
        if province_id is not UNSET:
            field_dict["province_id"] = province_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework import Framework  # noqa: PLC0415

        d = dict(src_dict)
        document = Framework.from_dict(d.pop("document"))

        def _parse_province_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        province_id = _parse_province_id(d.pop("province_id", UNSET))

        new_framework_request = cls(
            document=document,
            province_id=province_id,
        )

        return new_framework_request

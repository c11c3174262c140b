from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.framework_owner import FrameworkOwner, check_framework_owner

if TYPE_CHECKING:
    from ..models.framework_summary import FrameworkSummary


T = TypeVar("T", bound="ApplicableFramework")


@_attrs_define
class ApplicableFramework:
    """The published framework that governs an evaluation of `model_kind` in a unit on a day.

    Attributes:
        framework (FrameworkSummary): A framework version without its document.
        owner (FrameworkOwner): Whose framework applies.
        province_id (int): The unit's province, whose own framework comes before the national one.
        date (datetime.date):
    """

    framework: FrameworkSummary
    owner: FrameworkOwner
    province_id: int
    date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        framework = self.framework.to_dict()

        owner: str = self.owner

        province_id = self.province_id

        date = self.date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "framework": framework,
                "owner": owner,
                "province_id": province_id,
                "date": date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_summary import FrameworkSummary  # noqa: PLC0415

        d = dict(src_dict)
        framework = FrameworkSummary.from_dict(d.pop("framework"))

        owner = check_framework_owner(d.pop("owner"))

        province_id = d.pop("province_id")

        date = datetime.date.fromisoformat(d.pop("date"))

        applicable_framework = cls(
            framework=framework,
            owner=owner,
            province_id=province_id,
            date=date,
        )

        applicable_framework.additional_properties = d
        return applicable_framework

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

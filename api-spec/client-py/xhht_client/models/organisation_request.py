from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.managing_level import ManagingLevel, check_managing_level
from ..models.organisation_type import OrganisationType, check_organisation_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrganisationRequest")


@_attrs_define
class OrganisationRequest:
    """
    Example:
        {'name': 'Trường THPT Phan Đình Phùng', 'org_type': 'upper_secondary_school', 'managing_level': 'province',
            'unit_id': 10845, 'staff_count': 120, 'learner_count': 1500}

    Attributes:
        name (str):
        org_type (OrganisationType):
        managing_level (ManagingLevel):
        unit_id (int):
        staff_count (int):
        learner_count (int | None | Unset):
    """

    name: str
    org_type: OrganisationType
    managing_level: ManagingLevel
    unit_id: int
    staff_count: int
    learner_count: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        org_type: str = self.org_type

        managing_level: str = self.managing_level

        unit_id = self.unit_id

        staff_count = self.staff_count

        learner_count: int | None | Unset
        if isinstance(self.learner_count, Unset):
            learner_count = UNSET
        else:
            learner_count = self.learner_count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "org_type": org_type,
                "managing_level": managing_level,
                "unit_id": unit_id,
                "staff_count": staff_count,
            }
        )
        if learner_count is not UNSET:
            field_dict["learner_count"] = learner_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        org_type = check_organisation_type(d.pop("org_type"))

        managing_level = check_managing_level(d.pop("managing_level"))

        unit_id = d.pop("unit_id")

        staff_count = d.pop("staff_count")

        def _parse_learner_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        learner_count = _parse_learner_count(d.pop("learner_count", UNSET))

        organisation_request = cls(
            name=name,
            org_type=org_type,
            managing_level=managing_level,
            unit_id=unit_id,
            staff_count=staff_count,
            learner_count=learner_count,
        )

        return organisation_request

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reorganisation_kind_dto import ReorganisationKindDto, check_reorganisation_kind_dto
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.moved_village import MovedVillage
    from ..models.reorganisation_link import ReorganisationLink
    from ..models.unit_dto import UnitDto


T = TypeVar("T", bound="ReorganisationDto")


@_attrs_define
class ReorganisationDto:
    """
    Attributes:
        id (int):
        kind (ReorganisationKindDto):
        effective_date (datetime.date):
        legal_basis (str):
        sources (list[UnitDto]):
        targets (list[UnitDto]):
        links (list[ReorganisationLink]):
        moved_villages (list[MovedVillage]): Villages moved, with their records, to a target commune.
        created_at (datetime.datetime):
        note (None | str | Unset):
    """

    id: int
    kind: ReorganisationKindDto
    effective_date: datetime.date
    legal_basis: str
    sources: list[UnitDto]
    targets: list[UnitDto]
    links: list[ReorganisationLink]
    moved_villages: list[MovedVillage]
    created_at: datetime.datetime
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind: str = self.kind

        effective_date = self.effective_date.isoformat()

        legal_basis = self.legal_basis

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        moved_villages = []
        for moved_villages_item_data in self.moved_villages:
            moved_villages_item = moved_villages_item_data.to_dict()
            moved_villages.append(moved_villages_item)

        created_at = self.created_at.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "effective_date": effective_date,
                "legal_basis": legal_basis,
                "sources": sources,
                "targets": targets,
                "links": links,
                "moved_villages": moved_villages,
                "created_at": created_at,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.moved_village import MovedVillage  # noqa: PLC0415
        from ..models.reorganisation_link import ReorganisationLink  # noqa: PLC0415
        from ..models.unit_dto import UnitDto  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = check_reorganisation_kind_dto(d.pop("kind"))

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        legal_basis = d.pop("legal_basis")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = UnitDto.from_dict(sources_item_data)

            sources.append(sources_item)

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = UnitDto.from_dict(targets_item_data)

            targets.append(targets_item)

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = ReorganisationLink.from_dict(links_item_data)

            links.append(links_item)

        moved_villages = []
        _moved_villages = d.pop("moved_villages")
        for moved_villages_item_data in _moved_villages:
            moved_villages_item = MovedVillage.from_dict(moved_villages_item_data)

            moved_villages.append(moved_villages_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        reorganisation_dto = cls(
            id=id,
            kind=kind,
            effective_date=effective_date,
            legal_basis=legal_basis,
            sources=sources,
            targets=targets,
            links=links,
            moved_villages=moved_villages,
            created_at=created_at,
            note=note,
        )

        reorganisation_dto.additional_properties = d
        return reorganisation_dto

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

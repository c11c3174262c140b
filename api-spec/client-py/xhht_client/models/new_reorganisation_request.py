from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.reorganisation_kind_dto import ReorganisationKindDto, check_reorganisation_kind_dto
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reorganisation_link_request import ReorganisationLinkRequest
    from ..models.reorganisation_target import ReorganisationTarget
    from ..models.village_move_request import VillageMoveRequest


T = TypeVar("T", bound="NewReorganisationRequest")


@_attrs_define
class NewReorganisationRequest:
    """One legal act that closes units and opens others, recorded all or nothing.

    Example:
        {'kind': 'merge', 'effective_date': '2026-07-01', 'legal_basis': 'Nghị quyết số 1656/NQ-UBTVQH15', 'sources':
            [10845, 10846], 'targets': [{'new': {'level': 'commune', 'code': '99999', 'name': 'Phường Ba Đình Mới',
            'division_type': 'phường', 'parent_id': 10811}}]}

    Attributes:
        kind (ReorganisationKindDto):
        effective_date (datetime.date): The first day of the new map; sources end the day before.
        legal_basis (str): The legal act, e.g. a National Assembly Standing Committee resolution number.
        sources (list[int]): Units that close.
        targets (list[ReorganisationTarget]):
        note (None | str | Unset):
        links (list[ReorganisationLinkRequest] | Unset): Required for `restructure`; for `merge` and `split` derived
            when absent.
        villages (list[VillageMoveRequest] | Unset): Villages of the sources that move to a target commune, with the
            records filed under
            them: each closes, opens again under the target (keeping its local code) and is linked
            to its old self. A source commune closes only when none of its villages stays open.
    """

    kind: ReorganisationKindDto
    effective_date: datetime.date
    legal_basis: str
    sources: list[int]
    targets: list[ReorganisationTarget]
    note: None | str | Unset = UNSET
    links: list[ReorganisationLinkRequest] | Unset = UNSET
    villages: list[VillageMoveRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str = self.kind

        effective_date = self.effective_date.isoformat()

        legal_basis = self.legal_basis

        sources = self.sources

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        villages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.villages, Unset):
            villages = []
            for villages_item_data in self.villages:
                villages_item = villages_item_data.to_dict()
                villages.append(villages_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "effective_date": effective_date,
                "legal_basis": legal_basis,
                "sources": sources,
                "targets": targets,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if links is not UNSET:
            field_dict["links"] = links
        if villages is not UNSET:
            field_dict["villages"] = villages

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reorganisation_link_request import ReorganisationLinkRequest  # noqa: PLC0415
        from ..models.reorganisation_target import ReorganisationTarget  # noqa: PLC0415
        from ..models.village_move_request import VillageMoveRequest  # noqa: PLC0415

        d = dict(src_dict)
        kind = check_reorganisation_kind_dto(d.pop("kind"))

        effective_date = datetime.date.fromisoformat(d.pop("effective_date"))

        legal_basis = d.pop("legal_basis")

        sources = cast(list[int], d.pop("sources"))

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = ReorganisationTarget.from_dict(targets_item_data)

            targets.append(targets_item)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _links = d.pop("links", UNSET)
        links: list[ReorganisationLinkRequest] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = ReorganisationLinkRequest.from_dict(links_item_data)

                links.append(links_item)

        _villages = d.pop("villages", UNSET)
        villages: list[VillageMoveRequest] | Unset = UNSET
        if _villages is not UNSET:
            villages = []
            for villages_item_data in _villages:
                villages_item = VillageMoveRequest.from_dict(villages_item_data)

                villages.append(villages_item)

        new_reorganisation_request = cls(
            kind=kind,
            effective_date=effective_date,
            legal_basis=legal_basis,
            sources=sources,
            targets=targets,
            note=note,
            links=links,
            villages=villages,
        )

        return new_reorganisation_request

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.plan_level import PlanLevel, check_plan_level
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.confidence_note import ConfidenceNote
    from ..models.legal_document import LegalDocument
    from ..models.participant import Participant
    from ..models.phase import Phase


T = TypeVar("T", bound="EmulationPlan")


@_attrs_define
class EmulationPlan:
    """One emulation plan.

    Attributes:
        id (str): Stable id, e.g. `vn.ttg.qd1315-2023`.
        title_vi (str):
        level (PlanLevel): The level of government that issued a plan.
        decision (LegalDocument): A legal document, cited the way Vietnamese officials cite it.
        phases (list[Phase]):
        participants (list[Participant]):
        unit_code (None | str | Unset): The issuing unit's code on the day of the decision (a shipped plan names its
            unit so);
            `None` for the national plan.
        related_documents (list[LegalDocument] | Unset): The plans and programmes it carries out.
        missing (list[str] | Unset): What is not known, in Vietnamese; a plan with unknown parts is a record of what was
            found, and its reviews can mark only the criteria it has.
        confidence_notes (list[ConfidenceNote] | Unset):
    """

    id: str
    title_vi: str
    level: PlanLevel
    decision: LegalDocument
    phases: list[Phase]
    participants: list[Participant]
    unit_code: None | str | Unset = UNSET
    related_documents: list[LegalDocument] | Unset = UNSET
    missing: list[str] | Unset = UNSET
    confidence_notes: list[ConfidenceNote] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title_vi = self.title_vi

        level: str = self.level

        decision = self.decision.to_dict()

        phases = []
        for phases_item_data in self.phases:
            phases_item = phases_item_data.to_dict()
            phases.append(phases_item)

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        unit_code: None | str | Unset
        if isinstance(self.unit_code, Unset):
            unit_code = UNSET
        else:
            unit_code = self.unit_code

        related_documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_documents, Unset):
            related_documents = []
            for related_documents_item_data in self.related_documents:
                related_documents_item = related_documents_item_data.to_dict()
                related_documents.append(related_documents_item)

        missing: list[str] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing

        confidence_notes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.confidence_notes, Unset):
            confidence_notes = []
            for confidence_notes_item_data in self.confidence_notes:
                confidence_notes_item = confidence_notes_item_data.to_dict()
                confidence_notes.append(confidence_notes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "title_vi": title_vi,
                "level": level,
                "decision": decision,
                "phases": phases,
                "participants": participants,
            }
        )
        if unit_code is not UNSET:
            field_dict["unit_code"] = unit_code
        if related_documents is not UNSET:
            field_dict["related_documents"] = related_documents
        if missing is not UNSET:
            field_dict["missing"] = missing
        if confidence_notes is not UNSET:
            field_dict["confidence_notes"] = confidence_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.confidence_note import ConfidenceNote  # noqa: PLC0415
        from ..models.legal_document import LegalDocument  # noqa: PLC0415
        from ..models.participant import Participant  # noqa: PLC0415
        from ..models.phase import Phase  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        title_vi = d.pop("title_vi")

        level = check_plan_level(d.pop("level"))

        decision = LegalDocument.from_dict(d.pop("decision"))

        phases = []
        _phases = d.pop("phases")
        for phases_item_data in _phases:
            phases_item = Phase.from_dict(phases_item_data)

            phases.append(phases_item)

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = Participant.from_dict(participants_item_data)

            participants.append(participants_item)

        def _parse_unit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_code = _parse_unit_code(d.pop("unit_code", UNSET))

        _related_documents = d.pop("related_documents", UNSET)
        related_documents: list[LegalDocument] | Unset = UNSET
        if _related_documents is not UNSET:
            related_documents = []
            for related_documents_item_data in _related_documents:
                related_documents_item = LegalDocument.from_dict(related_documents_item_data)

                related_documents.append(related_documents_item)

        missing = cast(list[str], d.pop("missing", UNSET))

        _confidence_notes = d.pop("confidence_notes", UNSET)
        confidence_notes: list[ConfidenceNote] | Unset = UNSET
        if _confidence_notes is not UNSET:
            confidence_notes = []
            for confidence_notes_item_data in _confidence_notes:
                confidence_notes_item = ConfidenceNote.from_dict(confidence_notes_item_data)

                confidence_notes.append(confidence_notes_item)

        emulation_plan = cls(
            id=id,
            title_vi=title_vi,
            level=level,
            decision=decision,
            phases=phases,
            participants=participants,
            unit_code=unit_code,
            related_documents=related_documents,
            missing=missing,
            confidence_notes=confidence_notes,
        )

        return emulation_plan

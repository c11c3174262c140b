from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.citizen_target_group import CitizenTargetGroup, check_citizen_target_group
from ..models.framework_status import FrameworkStatus, check_framework_status
from ..models.model_kind import ModelKind, check_model_kind
from ..models.territorial_level import TerritorialLevel, check_territorial_level
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.confidence_note import ConfidenceNote
    from ..models.cycle import Cycle
    from ..models.framework_ref import FrameworkRef
    from ..models.group import Group
    from ..models.legal_document import LegalDocument
    from ..models.result_rule_type_0 import ResultRuleType0
    from ..models.result_rule_type_1 import ResultRuleType1
    from ..models.role_assignment import RoleAssignment


T = TypeVar("T", bound="Framework")


@_attrs_define
class Framework:
    """A criteria framework, one version of it.

    Attributes:
        id (str): Stable identifier shared by all versions, e.g. `vn.moet.dvht.tinh.tt24-2023`.
        version (int): Version number, starting at 1; a published version never changes, a change is a new version.
        status (FrameworkStatus): Life cycle of a framework version.
        name_vi (str):
        model_kind (ModelKind): The learning-society models ("mô hình học tập").
        legal_basis (LegalDocument): A legal document, cited the way Vietnamese officials cite it.
        cycle (Cycle): The yearly evaluation cycle.
        groups (list[Group]):
        result (ResultRuleType0 | ResultRuleType1): How indicator results become the framework's result.
        name_en (None | str | Unset):
        target_group (CitizenTargetGroup | None | Unset):
        territorial_level (None | TerritorialLevel | Unset):
        related_documents (list[LegalDocument] | Unset): Documents the criteria point to (e.g. QĐ 324/QĐ-KHVN for the
            share of learning citizens).
        supersedes (None | str | Unset): Id of the framework this one replaces, if any.
        template (bool | Unset): A template: a starting point that a province adopts (copies under its own decision) and
            completes. A template is never published itself.
        adopted_from (FrameworkRef | None | Unset):
        valid_from (datetime.date | None | Unset):
        valid_to (datetime.date | None | Unset): Last day on which the framework applies; `None` while it is in force.
        applicants (list[RoleAssignment] | Unset): Who files the request, by period; empty when not found.
        recognisers (list[RoleAssignment] | Unset): Who decides the recognition, by period; the 2025 reform changed
            several of these.
        retained_years_after_recognition_year (int | None | Unset): How many years a recognition is kept after the year
            of recognition (3 for TT 24/25 of 2023).
        accepts_partial_answers (bool | Unset): Whether a dossier may be filed with indicators unanswered (they count as
            missing: no
            points, not passed). By default every indicator the subject can answer must be.
        missing (list[str] | Unset): What is not known yet, in Vietnamese. A `published` framework must have none.
        confidence_notes (list[ConfidenceNote] | Unset): Where facts come from and how sure they are.
    """

    id: str
    version: int
    status: FrameworkStatus
    name_vi: str
    model_kind: ModelKind
    legal_basis: LegalDocument
    cycle: Cycle
    groups: list[Group]
    result: ResultRuleType0 | ResultRuleType1
    name_en: None | str | Unset = UNSET
    target_group: CitizenTargetGroup | None | Unset = UNSET
    territorial_level: None | TerritorialLevel | Unset = UNSET
    related_documents: list[LegalDocument] | Unset = UNSET
    supersedes: None | str | Unset = UNSET
    template: bool | Unset = UNSET
    adopted_from: FrameworkRef | None | Unset = UNSET
    valid_from: datetime.date | None | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    applicants: list[RoleAssignment] | Unset = UNSET
    recognisers: list[RoleAssignment] | Unset = UNSET
    retained_years_after_recognition_year: int | None | Unset = UNSET
    accepts_partial_answers: bool | Unset = UNSET
    missing: list[str] | Unset = UNSET
    confidence_notes: list[ConfidenceNote] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.framework_ref import FrameworkRef  # noqa: PLC0415
        from ..models.result_rule_type_0 import ResultRuleType0  # noqa: PLC0415

        id = self.id

        version = self.version

        status: str = self.status

        name_vi = self.name_vi

        model_kind: str = self.model_kind

        legal_basis = self.legal_basis.to_dict()

        cycle = self.cycle.to_dict()

        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        result: dict[str, Any]
        if isinstance(self.result, ResultRuleType0):
            result = self.result.to_dict()
        else:
            result = self.result.to_dict()

        name_en: None | str | Unset
        if isinstance(self.name_en, Unset):
            name_en = UNSET
        else:
            name_en = self.name_en

        target_group: None | str | Unset
        if isinstance(self.target_group, Unset):
            target_group = UNSET
        elif isinstance(self.target_group, str):
            target_group = self.target_group
        else:
            target_group = self.target_group

        territorial_level: None | str | Unset
        if isinstance(self.territorial_level, Unset):
            territorial_level = UNSET
        elif isinstance(self.territorial_level, str):
            territorial_level = self.territorial_level
        else:
            territorial_level = self.territorial_level

        related_documents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_documents, Unset):
            related_documents = []
            for related_documents_item_data in self.related_documents:
                related_documents_item = related_documents_item_data.to_dict()
                related_documents.append(related_documents_item)

        supersedes: None | str | Unset
        if isinstance(self.supersedes, Unset):
            supersedes = UNSET
        else:
            supersedes = self.supersedes

        template = self.template

        adopted_from: dict[str, Any] | None | Unset
        if isinstance(self.adopted_from, Unset):
            adopted_from = UNSET
        elif isinstance(self.adopted_from, FrameworkRef):
            adopted_from = self.adopted_from.to_dict()
        else:
            adopted_from = self.adopted_from

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

        applicants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.applicants, Unset):
            applicants = []
            for applicants_item_data in self.applicants:
                applicants_item = applicants_item_data.to_dict()
                applicants.append(applicants_item)

        recognisers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.recognisers, Unset):
            recognisers = []
            for recognisers_item_data in self.recognisers:
                recognisers_item = recognisers_item_data.to_dict()
                recognisers.append(recognisers_item)

        retained_years_after_recognition_year: int | None | Unset
        if isinstance(self.retained_years_after_recognition_year, Unset):
            retained_years_after_recognition_year = UNSET
        else:
            retained_years_after_recognition_year = self.retained_years_after_recognition_year

        accepts_partial_answers = self.accepts_partial_answers

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
                "version": version,
                "status": status,
                "name_vi": name_vi,
                "model_kind": model_kind,
                "legal_basis": legal_basis,
                "cycle": cycle,
                "groups": groups,
                "result": result,
            }
        )
        if name_en is not UNSET:
            field_dict["name_en"] = name_en
        if target_group is not UNSET:
            field_dict["target_group"] = target_group
        if territorial_level is not UNSET:
            field_dict["territorial_level"] = territorial_level
        if related_documents is not UNSET:
            field_dict["related_documents"] = related_documents
        if supersedes is not UNSET:
            field_dict["supersedes"] = supersedes
        if template is not UNSET:
            field_dict["template"] = template
        if adopted_from is not UNSET:
            field_dict["adopted_from"] = adopted_from
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if applicants is not UNSET:
            field_dict["applicants"] = applicants
        if recognisers is not UNSET:
            field_dict["recognisers"] = recognisers
        if retained_years_after_recognition_year is not UNSET:
            field_dict["retained_years_after_recognition_year"] = retained_years_after_recognition_year
        if accepts_partial_answers is not UNSET:
            field_dict["accepts_partial_answers"] = accepts_partial_answers
        if missing is not UNSET:
            field_dict["missing"] = missing
        if confidence_notes is not UNSET:
            field_dict["confidence_notes"] = confidence_notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.confidence_note import ConfidenceNote  # noqa: PLC0415
        from ..models.cycle import Cycle  # noqa: PLC0415
        from ..models.framework_ref import FrameworkRef  # noqa: PLC0415
        from ..models.group import Group  # noqa: PLC0415
        from ..models.legal_document import LegalDocument  # noqa: PLC0415
        from ..models.result_rule_type_0 import ResultRuleType0  # noqa: PLC0415
        from ..models.result_rule_type_1 import ResultRuleType1  # noqa: PLC0415
        from ..models.role_assignment import RoleAssignment  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        status = check_framework_status(d.pop("status"))

        name_vi = d.pop("name_vi")

        model_kind = check_model_kind(d.pop("model_kind"))

        legal_basis = LegalDocument.from_dict(d.pop("legal_basis"))

        cycle = Cycle.from_dict(d.pop("cycle"))

        groups = []
        _groups = d.pop("groups")
        for groups_item_data in _groups:
            groups_item = Group.from_dict(groups_item_data)

            groups.append(groups_item)

        def _parse_result(data: object) -> ResultRuleType0 | ResultRuleType1:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_result_rule_type_0 = ResultRuleType0.from_dict(data)

                return componentsschemas_result_rule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_result_rule_type_1 = ResultRuleType1.from_dict(data)

            return componentsschemas_result_rule_type_1

        result = _parse_result(d.pop("result"))

        def _parse_name_en(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name_en = _parse_name_en(d.pop("name_en", UNSET))

        def _parse_target_group(data: object) -> CitizenTargetGroup | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_group_type_0 = check_citizen_target_group(data)

                return target_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CitizenTargetGroup | None | Unset, data)

        target_group = _parse_target_group(d.pop("target_group", UNSET))

        def _parse_territorial_level(data: object) -> None | TerritorialLevel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                territorial_level_type_0 = check_territorial_level(data)

                return territorial_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TerritorialLevel | Unset, data)

        territorial_level = _parse_territorial_level(d.pop("territorial_level", UNSET))

        _related_documents = d.pop("related_documents", UNSET)
        related_documents: list[LegalDocument] | Unset = UNSET
        if _related_documents is not UNSET:
            related_documents = []
            for related_documents_item_data in _related_documents:
                related_documents_item = LegalDocument.from_dict(related_documents_item_data)

                related_documents.append(related_documents_item)

        def _parse_supersedes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        supersedes = _parse_supersedes(d.pop("supersedes", UNSET))

        template = d.pop("template", UNSET)

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

        _applicants = d.pop("applicants", UNSET)
        applicants: list[RoleAssignment] | Unset = UNSET
        if _applicants is not UNSET:
            applicants = []
            for applicants_item_data in _applicants:
                applicants_item = RoleAssignment.from_dict(applicants_item_data)

                applicants.append(applicants_item)

        _recognisers = d.pop("recognisers", UNSET)
        recognisers: list[RoleAssignment] | Unset = UNSET
        if _recognisers is not UNSET:
            recognisers = []
            for recognisers_item_data in _recognisers:
                recognisers_item = RoleAssignment.from_dict(recognisers_item_data)

                recognisers.append(recognisers_item)

        def _parse_retained_years_after_recognition_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        retained_years_after_recognition_year = _parse_retained_years_after_recognition_year(
            d.pop("retained_years_after_recognition_year", UNSET)
        )

        accepts_partial_answers = d.pop("accepts_partial_answers", UNSET)

        missing = cast(list[str], d.pop("missing", UNSET))

        _confidence_notes = d.pop("confidence_notes", UNSET)
        confidence_notes: list[ConfidenceNote] | Unset = UNSET
        if _confidence_notes is not UNSET:
            confidence_notes = []
            for confidence_notes_item_data in _confidence_notes:
                confidence_notes_item = ConfidenceNote.from_dict(confidence_notes_item_data)

                confidence_notes.append(confidence_notes_item)

        framework = cls(
            id=id,
            version=version,
            status=status,
            name_vi=name_vi,
            model_kind=model_kind,
            legal_basis=legal_basis,
            cycle=cycle,
            groups=groups,
            result=result,
            name_en=name_en,
            target_group=target_group,
            territorial_level=territorial_level,
            related_documents=related_documents,
            supersedes=supersedes,
            template=template,
            adopted_from=adopted_from,
            valid_from=valid_from,
            valid_to=valid_to,
            applicants=applicants,
            recognisers=recognisers,
            retained_years_after_recognition_year=retained_years_after_recognition_year,
            accepts_partial_answers=accepts_partial_answers,
            missing=missing,
            confidence_notes=confidence_notes,
        )

        return framework

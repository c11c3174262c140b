from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_format import ImportFormat, check_import_format
from ..models.import_kind_param import ImportKindParam, check_import_kind_param
from ..models.import_mode import ImportMode, check_import_mode
from ..models.import_state import ImportState, check_import_state
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_failure import ImportFailure
    from ..models.import_warning import ImportWarning_


T = TypeVar("T", bound="ImportJobDto")


@_attrs_define
class ImportJobDto:
    """An import job.

    Attributes:
        id (int):
        kind (ImportKindParam): What an import brings in.
        format_ (ImportFormat): The format of an upload: by `format=`, else the `Content-Type`, else its first bytes.
        mode (ImportMode): `atomic`: every row is written, or none (one bad row fails the import). `per_row`: the
            valid rows are written and the others reported.
        dry_run (bool):
        state (ImportState): Where a job is.
        file_sha256 (str): SHA-256 of the upload, hex.
        file_bytes (int):
        progress_percent (float): Share of the file read, 0–100.
        rows_read (int):
        rows_valid (int):
        rows_invalid (int):
        rows_written (int): Rows written: created plus updated.
        rows_created (int):
        rows_updated (int):
        rows_unchanged (int): Rows whose record already held the same values.
        warnings (list[ImportWarning_]):
        created_at (datetime.datetime):
        file_name (None | str | Unset):
        sheet (None | str | Unset):
        failure (ImportFailure | None | Unset):
        started_at (datetime.datetime | None | Unset):
        finished_at (datetime.datetime | None | Unset):
        seconds (float | None | Unset): From start to end (or to now, while it runs).
        errors_url (None | str | Unset): The errors of the rows, when there are any.
    """

    id: int
    kind: ImportKindParam
    format_: ImportFormat
    mode: ImportMode
    dry_run: bool
    state: ImportState
    file_sha256: str
    file_bytes: int
    progress_percent: float
    rows_read: int
    rows_valid: int
    rows_invalid: int
    rows_written: int
    rows_created: int
    rows_updated: int
    rows_unchanged: int
    warnings: list[ImportWarning_]
    created_at: datetime.datetime
    file_name: None | str | Unset = UNSET
    sheet: None | str | Unset = UNSET
    failure: ImportFailure | None | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    seconds: float | None | Unset = UNSET
    errors_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.import_failure import ImportFailure  # noqa: PLC0415

        id = self.id

        kind: str = self.kind

        format_: str = self.format_

        mode: str = self.mode

        dry_run = self.dry_run

        state: str = self.state

        file_sha256 = self.file_sha256

        file_bytes = self.file_bytes

        progress_percent = self.progress_percent

        rows_read = self.rows_read

        rows_valid = self.rows_valid

        rows_invalid = self.rows_invalid

        rows_written = self.rows_written

        rows_created = self.rows_created

        rows_updated = self.rows_updated

        rows_unchanged = self.rows_unchanged

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        created_at = self.created_at.isoformat()

        file_name: None | str | Unset
        if isinstance(self.file_name, Unset):
            file_name = UNSET
        else:
            file_name = self.file_name

        sheet: None | str | Unset
        if isinstance(self.sheet, Unset):
            sheet = UNSET
        else:
            sheet = self.sheet

        failure: dict[str, Any] | None | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, ImportFailure):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        seconds: float | None | Unset
        if isinstance(self.seconds, Unset):
            seconds = UNSET
        else:
            seconds = self.seconds

        errors_url: None | str | Unset
        if isinstance(self.errors_url, Unset):
            errors_url = UNSET
        else:
            errors_url = self.errors_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "format": format_,
                "mode": mode,
                "dry_run": dry_run,
                "state": state,
                "file_sha256": file_sha256,
                "file_bytes": file_bytes,
                "progress_percent": progress_percent,
                "rows_read": rows_read,
                "rows_valid": rows_valid,
                "rows_invalid": rows_invalid,
                "rows_written": rows_written,
                "rows_created": rows_created,
                "rows_updated": rows_updated,
                "rows_unchanged": rows_unchanged,
                "warnings": warnings,
                "created_at": created_at,
            }
        )
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if sheet is not UNSET:
            field_dict["sheet"] = sheet
        if failure is not UNSET:
            field_dict["failure"] = failure
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if errors_url is not UNSET:
            field_dict["errors_url"] = errors_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_failure import ImportFailure  # noqa: PLC0415
        from ..models.import_warning import ImportWarning_  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        kind = check_import_kind_param(d.pop("kind"))

        format_ = check_import_format(d.pop("format"))

        mode = check_import_mode(d.pop("mode"))

        dry_run = d.pop("dry_run")

        state = check_import_state(d.pop("state"))

        file_sha256 = d.pop("file_sha256")

        file_bytes = d.pop("file_bytes")

        progress_percent = d.pop("progress_percent")

        rows_read = d.pop("rows_read")

        rows_valid = d.pop("rows_valid")

        rows_invalid = d.pop("rows_invalid")

        rows_written = d.pop("rows_written")

        rows_created = d.pop("rows_created")

        rows_updated = d.pop("rows_updated")

        rows_unchanged = d.pop("rows_unchanged")

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = ImportWarning_.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_file_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_name = _parse_file_name(d.pop("file_name", UNSET))

        def _parse_sheet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sheet = _parse_sheet(d.pop("sheet", UNSET))

        def _parse_failure(data: object) -> ImportFailure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = ImportFailure.from_dict(data)

                return failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImportFailure | None | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        def _parse_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        seconds = _parse_seconds(d.pop("seconds", UNSET))

        def _parse_errors_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        errors_url = _parse_errors_url(d.pop("errors_url", UNSET))

        import_job_dto = cls(
            id=id,
            kind=kind,
            format_=format_,
            mode=mode,
            dry_run=dry_run,
            state=state,
            file_sha256=file_sha256,
            file_bytes=file_bytes,
            progress_percent=progress_percent,
            rows_read=rows_read,
            rows_valid=rows_valid,
            rows_invalid=rows_invalid,
            rows_written=rows_written,
            rows_created=rows_created,
            rows_updated=rows_updated,
            rows_unchanged=rows_unchanged,
            warnings=warnings,
            created_at=created_at,
            file_name=file_name,
            sheet=sheet,
            failure=failure,
            started_at=started_at,
            finished_at=finished_at,
            seconds=seconds,
            errors_url=errors_url,
        )

        import_job_dto.additional_properties = d
        return import_job_dto

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

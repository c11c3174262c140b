from typing import Literal

EvidenceKind = Literal["file", "link", "note"]

EVIDENCE_KIND_VALUES: set[EvidenceKind] = {
    "file",
    "link",
    "note",
}


def check_evidence_kind(value: str) -> EvidenceKind:
    if value in EVIDENCE_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVIDENCE_KIND_VALUES!r}")

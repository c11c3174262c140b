from typing import Literal

DiffKind = Literal["added", "changed", "removed"]

DIFF_KIND_VALUES: set[DiffKind] = {
    "added",
    "changed",
    "removed",
}


def check_diff_kind(value: str) -> DiffKind:
    if value in DIFF_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DIFF_KIND_VALUES!r}")

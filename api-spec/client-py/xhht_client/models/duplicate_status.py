from typing import Literal

DuplicateStatus = Literal["dismissed", "merged", "open"]

DUPLICATE_STATUS_VALUES: set[DuplicateStatus] = {
    "dismissed",
    "merged",
    "open",
}


def check_duplicate_status(value: str) -> DuplicateStatus:
    if value in DUPLICATE_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DUPLICATE_STATUS_VALUES!r}")

from typing import Literal

ReviewKind = Literal["so_ket", "tong_ket"]

REVIEW_KIND_VALUES: set[ReviewKind] = {
    "so_ket",
    "tong_ket",
}


def check_review_kind(value: str) -> ReviewKind:
    if value in REVIEW_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {REVIEW_KIND_VALUES!r}")

from typing import Literal

Breakdown = Literal["children", "communes", "self"]

BREAKDOWN_VALUES: set[Breakdown] = {
    "children",
    "communes",
    "self",
}


def check_breakdown(value: str) -> Breakdown:
    if value in BREAKDOWN_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BREAKDOWN_VALUES!r}")

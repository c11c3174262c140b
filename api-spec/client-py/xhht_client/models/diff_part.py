from typing import Literal

DiffPart = Literal["framework", "group", "indicator"]

DIFF_PART_VALUES: set[DiffPart] = {
    "framework",
    "group",
    "indicator",
}


def check_diff_part(value: str) -> DiffPart:
    if value in DIFF_PART_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DIFF_PART_VALUES!r}")

from typing import Literal

ManagingLevel = Literal["commune", "province"]

MANAGING_LEVEL_VALUES: set[ManagingLevel] = {
    "commune",
    "province",
}


def check_managing_level(value: str) -> ManagingLevel:
    if value in MANAGING_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MANAGING_LEVEL_VALUES!r}")

from typing import Literal

Level = Literal["commune", "district", "province", "village"]

LEVEL_VALUES: set[Level] = {
    "commune",
    "district",
    "province",
    "village",
}


def check_level(value: str) -> Level:
    if value in LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LEVEL_VALUES!r}")

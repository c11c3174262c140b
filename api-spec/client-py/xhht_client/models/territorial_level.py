from typing import Literal

TerritorialLevel = Literal["commune", "district", "province", "village"]

TERRITORIAL_LEVEL_VALUES: set[TerritorialLevel] = {
    "commune",
    "district",
    "province",
    "village",
}


def check_territorial_level(value: str) -> TerritorialLevel:
    if value in TERRITORIAL_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TERRITORIAL_LEVEL_VALUES!r}")

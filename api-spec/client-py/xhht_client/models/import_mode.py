from typing import Literal

ImportMode = Literal["atomic", "per_row"]

IMPORT_MODE_VALUES: set[ImportMode] = {
    "atomic",
    "per_row",
}


def check_import_mode(value: str) -> ImportMode:
    if value in IMPORT_MODE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_MODE_VALUES!r}")

from typing import Literal

ImportState = Literal["cancelled", "done", "failed", "queued", "validating", "writing"]

IMPORT_STATE_VALUES: set[ImportState] = {
    "cancelled",
    "done",
    "failed",
    "queued",
    "validating",
    "writing",
}


def check_import_state(value: str) -> ImportState:
    if value in IMPORT_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {IMPORT_STATE_VALUES!r}")

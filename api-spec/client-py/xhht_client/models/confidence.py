from typing import Literal

Confidence = Literal["found", "found_two_sources", "inferred", "not_found"]

CONFIDENCE_VALUES: set[Confidence] = {
    "found",
    "found_two_sources",
    "inferred",
    "not_found",
}


def check_confidence(value: str) -> Confidence:
    if value in CONFIDENCE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CONFIDENCE_VALUES!r}")

from typing import Literal

FrameworkOwner = Literal["national", "provincial"]

FRAMEWORK_OWNER_VALUES: set[FrameworkOwner] = {
    "national",
    "provincial",
}


def check_framework_owner(value: str) -> FrameworkOwner:
    if value in FRAMEWORK_OWNER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FRAMEWORK_OWNER_VALUES!r}")

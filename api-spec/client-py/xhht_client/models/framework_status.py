from typing import Literal

FrameworkStatus = Literal["draft", "published", "retired"]

FRAMEWORK_STATUS_VALUES: set[FrameworkStatus] = {
    "draft",
    "published",
    "retired",
}


def check_framework_status(value: str) -> FrameworkStatus:
    if value in FRAMEWORK_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FRAMEWORK_STATUS_VALUES!r}")

from typing import Literal

FrameworkStatusDto = Literal["draft", "published", "retired"]

FRAMEWORK_STATUS_DTO_VALUES: set[FrameworkStatusDto] = {
    "draft",
    "published",
    "retired",
}


def check_framework_status_dto(value: str) -> FrameworkStatusDto:
    if value in FRAMEWORK_STATUS_DTO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FRAMEWORK_STATUS_DTO_VALUES!r}")

from typing import Literal

TargetGroup = Literal["learner", "resident", "staff_business", "worker"]

TARGET_GROUP_VALUES: set[TargetGroup] = {
    "learner",
    "resident",
    "staff_business",
    "worker",
}


def check_target_group(value: str) -> TargetGroup:
    if value in TARGET_GROUP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TARGET_GROUP_VALUES!r}")

from typing import Literal

CitizenTargetGroup = Literal["learner", "resident", "staff_business", "worker"]

CITIZEN_TARGET_GROUP_VALUES: set[CitizenTargetGroup] = {
    "learner",
    "resident",
    "staff_business",
    "worker",
}


def check_citizen_target_group(value: str) -> CitizenTargetGroup:
    if value in CITIZEN_TARGET_GROUP_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CITIZEN_TARGET_GROUP_VALUES!r}")

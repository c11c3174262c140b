from typing import Literal

LatePolicy = Literal["flag", "refuse"]

LATE_POLICY_VALUES: set[LatePolicy] = {
    "flag",
    "refuse",
}


def check_late_policy(value: str) -> LatePolicy:
    if value in LATE_POLICY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LATE_POLICY_VALUES!r}")

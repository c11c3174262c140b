from typing import Literal

PlanLevel = Literal["commune", "district", "national", "province"]

PLAN_LEVEL_VALUES: set[PlanLevel] = {
    "commune",
    "district",
    "national",
    "province",
}


def check_plan_level(value: str) -> PlanLevel:
    if value in PLAN_LEVEL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PLAN_LEVEL_VALUES!r}")

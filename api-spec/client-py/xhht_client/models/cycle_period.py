from typing import Literal

CyclePeriod = Literal["calendar_year"]

CYCLE_PERIOD_VALUES: set[CyclePeriod] = {
    "calendar_year",
}


def check_cycle_period(value: str) -> CyclePeriod:
    if value in CYCLE_PERIOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CYCLE_PERIOD_VALUES!r}")

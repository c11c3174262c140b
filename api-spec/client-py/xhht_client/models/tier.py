from typing import Literal

Tier = Literal["level1", "level2"]

TIER_VALUES: set[Tier] = {
    "level1",
    "level2",
}


def check_tier(value: str) -> Tier:
    if value in TIER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TIER_VALUES!r}")

from typing import Literal

AwardKind = Literal["bang_khen", "danh_hieu", "giay_khen"]

AWARD_KIND_VALUES: set[AwardKind] = {
    "bang_khen",
    "danh_hieu",
    "giay_khen",
}


def check_award_kind(value: str) -> AwardKind:
    if value in AWARD_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {AWARD_KIND_VALUES!r}")

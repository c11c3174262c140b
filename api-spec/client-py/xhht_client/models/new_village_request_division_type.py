from typing import Literal

NewVillageRequestDivisionType = Literal[
    "bon",
    "buôn",
    "bản",
    "khu dân cư",
    "khu phố",
    "khóm",
    "khối phố",
    "làng",
    "phum",
    "plei",
    "sóc",
    "thôn",
    "tiểu khu",
    "tổ dân phố",
    "ấp",
]

NEW_VILLAGE_REQUEST_DIVISION_TYPE_VALUES: set[NewVillageRequestDivisionType] = {
    "bon",
    "buôn",
    "bản",
    "khu dân cư",
    "khu phố",
    "khóm",
    "khối phố",
    "làng",
    "phum",
    "plei",
    "sóc",
    "thôn",
    "tiểu khu",
    "tổ dân phố",
    "ấp",
}


def check_new_village_request_division_type(value: str) -> NewVillageRequestDivisionType:
    if value in NEW_VILLAGE_REQUEST_DIVISION_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {NEW_VILLAGE_REQUEST_DIVISION_TYPE_VALUES!r}")

from typing import Literal

Role = Literal["admin", "association_officer", "commune_officer", "inspector", "provincial_officer", "viewer"]

ROLE_VALUES: set[Role] = {
    "admin",
    "association_officer",
    "commune_officer",
    "inspector",
    "provincial_officer",
    "viewer",
}


def check_role(value: str) -> Role:
    if value in ROLE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_VALUES!r}")

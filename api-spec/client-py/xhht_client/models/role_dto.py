from typing import Literal

RoleDto = Literal["admin", "association_officer", "commune_officer", "inspector", "provincial_officer", "viewer"]

ROLE_DTO_VALUES: set[RoleDto] = {
    "admin",
    "association_officer",
    "commune_officer",
    "inspector",
    "provincial_officer",
    "viewer",
}


def check_role_dto(value: str) -> RoleDto:
    if value in ROLE_DTO_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {ROLE_DTO_VALUES!r}")

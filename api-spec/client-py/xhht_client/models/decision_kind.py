from typing import Literal

DecisionKind = Literal["recognition", "rejection", "revocation"]

DECISION_KIND_VALUES: set[DecisionKind] = {
    "recognition",
    "rejection",
    "revocation",
}


def check_decision_kind(value: str) -> DecisionKind:
    if value in DECISION_KIND_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DECISION_KIND_VALUES!r}")

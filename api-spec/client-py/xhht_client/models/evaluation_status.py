from typing import Literal

EvaluationStatus = Literal["inspected", "recognised", "registered", "rejected", "revoked", "submitted"]

EVALUATION_STATUS_VALUES: set[EvaluationStatus] = {
    "inspected",
    "recognised",
    "registered",
    "rejected",
    "revoked",
    "submitted",
}


def check_evaluation_status(value: str) -> EvaluationStatus:
    if value in EVALUATION_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {EVALUATION_STATUS_VALUES!r}")
